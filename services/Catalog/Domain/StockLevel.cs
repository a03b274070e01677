namespace OrderPlatform.Catalog.Domain;

/// <summary>
/// A SKU's units in the warehouse: on hand, and how many of those are reserved for orders. What is
/// available never goes below zero [ALL-03].
/// </summary>
public sealed record StockLevel(string Id, int OnHand, int Reserved = 0)
{
    public int AvailableUnits => Math.Max(0, OnHand - Reserved);
    public bool Available => AvailableUnits > 0;
}
