namespace OrderPlatform.Conversations.Domain;

/// <summary>A photo sent with a message: its type, and where it is read (its bytes are stored apart).</summary>
public sealed record MessageAttachment(Guid Id, string ContentType, int Bytes);

/// <summary>One message: who wrote it (the buyer, the seller, or operations stepping in), what, when.</summary>
public sealed record ConversationMessage(Guid Id, string From, Guid AuthorId, string Text, DateTimeOffset At, MessageAttachment? Attachment = null)
{
    public const string Buyer = "buyer";
    public const string Seller = "seller";
    public const string Ops = "ops";
}

/// <summary>
/// A buyer's conversation with a marketplace seller about an order or a product [MP-09]: seen by that buyer, that seller's people and
/// operations only. It has no status to end: it is a record of what was said, kept with the order; a new message e-mails the other side.
/// </summary>
public sealed record Conversation(Guid Id, Guid BuyerId, string SellerId, Guid? OrderId, string? OrderNumber, string? ProductId, string? ProductName,
    IReadOnlyList<ConversationMessage> Messages, DateTimeOffset StartedAt, DateTimeOffset LastMessageAt)
{
    public const int MaxText = 4000;
}

/// <summary>One of the buyer's orders as Ordering shows it to that buyer: its number, and the seller of each line (null: the shop's own).</summary>
public sealed record BuyersOrder(Guid OrderId, string OrderNumber, IReadOnlyList<string?> LineSellers);

/// <summary>The subject a buyer starts a conversation about: one of its orders (and which of the order's sellers), or a product.</summary>
public sealed record ConversationSubject(Guid? OrderId, string? OrderNumber, string? ProductId, string? ProductName, string SellerId);

public static class ConversationRules
{
    /// <summary>
    /// The seller a buyer may write to about its order: the one it names, when the order has a line of it, else the order's only seller;
    /// null with why when neither (an order of several sellers needs the seller named) [MP-09].
    /// </summary>
    public static (ConversationSubject? Subject, string? Refusal) AboutOrder(BuyersOrder order, string? sellerId)
    {
        ArgumentNullException.ThrowIfNull(order);
        var sellers = order.LineSellers.OfType<string>().Distinct().ToList();
        var chosen = sellerId is null ? (sellers.Count == 1 ? sellers[0] : null) : sellers.FirstOrDefault(seller => seller == sellerId);
        return chosen is not null
            ? (new ConversationSubject(order.OrderId, order.OrderNumber, null, null, chosen), null)
            : (null, sellerId is null && sellers.Count > 1 ? "This order has several sellers: say which one (sellerId)." : "No seller of this order has that id.");
    }

    public static string? WhyNotText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "Write something." : text.Length > Conversation.MaxText ? $"A message is at most {Conversation.MaxText} characters." : null;

    public static Conversation Start(Guid id, Guid buyerId, ConversationSubject subject, ConversationMessage first)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(first);
        return new(id, buyerId, subject.SellerId, subject.OrderId, subject.OrderNumber, subject.ProductId, subject.ProductName, [first], first.At, first.At);
    }

    /// <summary>Which side the person is on: the buyer, one of the seller's people, operations; null when the conversation is not theirs to see.</summary>
    public static string? SideOf(Conversation conversation, Guid? customerId, string? sellerId, bool ops)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return customerId is { } id && id == conversation.BuyerId ? ConversationMessage.Buyer
            : sellerId is not null && sellerId == conversation.SellerId ? ConversationMessage.Seller
            : ops ? ConversationMessage.Ops
            : null;
    }

    public static Conversation Post(Conversation conversation, ConversationMessage message)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(message);
        return conversation with { Messages = [.. conversation.Messages, message], LastMessageAt = message.At };
    }

    /// <summary>
    /// The conversation after its buyer's GDPR erasure [JI-15]: what the buyer wrote and sent goes (the seller's answers stay, for the
    /// seller's record); returns the photos to delete.
    /// </summary>
    public static (Conversation Erased, IReadOnlyList<Guid> PhotosToDelete) EraseBuyer(Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var photos = conversation.Messages.Where(message => message.From == ConversationMessage.Buyer && message.Attachment is not null)
            .Select(message => message.Attachment!.Id).ToList();
        return (conversation with
        {
            Messages = conversation.Messages.Select(message => message.From == ConversationMessage.Buyer
                ? message with { Text = "", Attachment = null } : message).ToList(),
        }, photos);
    }
}
