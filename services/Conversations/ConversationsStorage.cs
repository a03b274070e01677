using Marten;
using OrderPlatform.Conversations.Domain;
using OrderPlatform.Conversations.Features.Conversations;

namespace OrderPlatform.Conversations;

public static class ConversationsStorage
{
    public static void Configure(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Schema.For<Conversation>().Duplicate(conversation => conversation.BuyerId).Duplicate(conversation => conversation.SellerId)
            .Duplicate(conversation => conversation.LastMessageAt);
        options.Schema.For<ConversationPhoto>().Duplicate(photo => photo.ConversationId);
        options.Schema.For<Report>().Duplicate(report => report.Status).Duplicate(report => report.ReporterId).Duplicate(report => report.SellerId!);
    }
}
