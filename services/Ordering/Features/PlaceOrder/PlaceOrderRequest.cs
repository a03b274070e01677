namespace OrderPlatform.Ordering.Features.PlaceOrder;

/// <summary>The checkout body (API.md, Orders), as the storefront sends it; every field is checked.</summary>
public sealed record PlaceOrderRequest(
    IReadOnlyList<PlaceOrderLine>? Lines,
    AddressInput? DeliveryAddress = null,
    AddressInput? BillingAddress = null,
    DeliveryInput? Delivery = null,
    string? PromoCode = null,
    PaymentInput? Payment = null,
    IReadOnlyList<string>? PromoCodes = null);

public sealed record PlaceOrderLine(string? Sku, int Quantity);

/// <summary>A postal address; the delivery address carries the recipient's phone, which the carrier needs [FR-01].</summary>
public sealed record AddressInput(string? FirstName, string? LastName, string? Line1, string? Line2, string? PostalCode, string? City, string? Country,
    string? Phone);

public sealed record DeliveryInput(string? Carrier, string? Mode, string? PickupPointId);

/// <summary>The payment: a method with the PSP form's token (or a gift card's code); <c>useStoreCredit</c> spends the store credit first [FR-25].</summary>
public sealed record PaymentInput(string? Method, string? Token, string? GiftCardCode, bool? UseStoreCredit = null);

/// <summary>The checkout's answer: the order, its status, and when it should arrive [FR-08, JI-05].</summary>
public sealed record OrderAccepted(Guid OrderId, string OrderNumber, string Status, Contracts.DeliveryWindow? EstimatedDelivery = null);
