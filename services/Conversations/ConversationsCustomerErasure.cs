using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Conversations.Domain;
using OrderPlatform.Conversations.Features.Conversations;
using OrderPlatform.Shops.Customers;

namespace OrderPlatform.Conversations;

/// <summary>
/// This service's part in a GDPR erasure [JI-15]: what the customer wrote to sellers (and the photos sent) and in reports goes; the
/// sellers' answers and operations' words stay, for their record.
/// </summary>
public sealed class ConversationsCustomerErasure : IForgetCustomer
{
    public async Task ForgetAsync(CustomerErased erased, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erased);
        ArgumentNullException.ThrowIfNull(session);
        foreach (var conversation in await session.Query<Conversation>().Where(conversation => conversation.BuyerId == erased.CustomerId)
                     .ToListAsync(cancellationToken))
        {
            var (kept, photos) = ConversationRules.EraseBuyer(conversation);
            session.Store(kept);
            foreach (var photo in photos)
            {
                session.Delete<ConversationPhoto>(photo);
            }
        }

        foreach (var report in await session.Query<Report>().Where(report => report.ReporterId == erased.CustomerId).ToListAsync(cancellationToken))
        {
            session.Store(ReportRules.EraseReporter(report));
        }
    }
}
