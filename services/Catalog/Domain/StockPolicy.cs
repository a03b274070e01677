namespace OrderPlatform.Catalog.Domain;

/// <summary>What Catalog does with a line it has not enough stock for: refuse it, or backorder it [JI-09].</summary>
public sealed record StockPolicy(bool BackorderWhenShort);
