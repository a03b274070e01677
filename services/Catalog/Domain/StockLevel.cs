namespace OrderPlatform.Catalog.Domain;

/// <summary>Units of a SKU on hand in the warehouse. Reservations against it arrive with the stock feature.</summary>
public sealed record StockLevel(string Id, int OnHand)
{
    public bool Available => OnHand > 0;
}
