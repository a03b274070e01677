namespace OrderPlatform.Catalog.Domain;

/// <summary>Whether the prices the shop publishes include delivery (all-in prices) [MP-02].</summary>
public sealed record PricePolicy(bool DeliveryIncluded);
