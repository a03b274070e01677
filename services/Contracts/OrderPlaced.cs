namespace OrderPlatform.Contracts;

/// <summary>A customer placed an order at checkout; nothing is reserved or paid yet.</summary>
public sealed record OrderPlaced(
    Guid OrderId,
    string OrderNumber,
    Guid CustomerId,
    IReadOnlyList<OrderedLine> Lines,
    DateTimeOffset PlacedAt) : IIntegrationEvent;

/// <summary>One line of an order: a SKU (size/colour of a product) and how many.</summary>
public sealed record OrderedLine(string LineId, string Sku, int Quantity);
