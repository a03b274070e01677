namespace OrderPlatform.Contracts;

// The order's later steps. Ordering, Payment and Shipping publish them; consumers ignore what they
// do not read, so fields may be added at the end.

/// <summary>
/// Stock is set aside and the payment authorised: the order is validated. Notification sends the
/// confirmation from this alone [FR-02, JI-02]; lines found unavailable at reservation are left out.
/// </summary>
public sealed record OrderConfirmed(Guid OrderId, string OrderNumber, Guid CustomerId, IReadOnlyList<OrderedLine> Lines, OrderAmounts Amounts,
    OrderDelivery Delivery, PostalAddress DeliveryAddress, PostalAddress BillingAddress, string PaymentMethod, bool AwaitingRestock,
    DateTimeOffset ConfirmedAt) : IIntegrationEvent;

/// <summary>
/// The customer changed the order before it went to logistics [JI-06]: fewer items, another delivery address, method or relay point.
/// <paramref name="Lines"/> are all of the order's lines as they now stand (quantity 0: taken out); <paramref name="Removed"/> the units
/// taken out, which Catalog puts back; Payment gives back what the new total no longer needs. <paramref name="Sequence"/> counts the
/// order's modifications, so each is told once.
/// </summary>
public sealed record OrderModified(Guid OrderId, string OrderNumber, int Sequence, IReadOnlyList<OrderedLine> Lines, OrderAmounts Amounts,
    OrderDelivery Delivery, PostalAddress DeliveryAddress, IReadOnlyList<ShippedLine> Removed, DateTimeOffset ModifiedAt) : IIntegrationEvent;

/// <summary>The order went to logistics ("en cours de préparation", FR-09): no more cancellation; the warehouse prepares these lines.</summary>
public sealed record OrderHandedToLogistics(Guid OrderId, string OrderNumber, IReadOnlyList<OrderedLine> Lines, OrderDelivery Delivery,
    PostalAddress DeliveryAddress, DateTimeOffset HandedOffAt, Guid? CustomerId = null, DeliveryWindow? EstimatedDelivery = null) : IIntegrationEvent;

/// <summary>The order was cancelled where the merchant allows it; nothing of it will ship, its stock returns, its payment is voided or refunded.</summary>
public sealed record OrderCancelled(Guid OrderId, DateTimeOffset CancelledAt, string? Reason = null) : IIntegrationEvent
{
    public const string ByCustomer = "customer";
    public const string OutOfStock = "out-of-stock";

    /// <summary>Operations cancelled an order whose payment could not be secured (an escalation nobody settled).</summary>
    public const string ByOperations = "operations";

    /// <summary>The warehouse found none of the order's lines: nothing will ship [ALL-07].</summary>
    public const string FoundMissing = "found-missing";
}

/// <summary>The payment provider authorised the order's payment; it can be captured until <paramref name="ExpiresAt"/>.</summary>
public sealed record PaymentAuthorized(Guid OrderId, long AmountCents, string Method, DateTimeOffset AuthorizedAt, DateTimeOffset? ExpiresAt = null)
    : IIntegrationEvent;

/// <summary>The payment provider refused the order's payment, with a decline code per reason [JI-03].</summary>
public sealed record PaymentRefused(Guid OrderId, string DeclineCode) : IIntegrationEvent;

/// <summary>Money was taken for the order (for one shipment when charging at shipment) [FR-26].</summary>
public sealed record PaymentCaptured(Guid OrderId, long AmountCents, DateTimeOffset CapturedAt, Guid? ShipmentId = null) : IIntegrationEvent;

/// <summary>Money went back to the customer for the order, to the original method or store credit.</summary>
/// <paramref name="RefundId"/> names the <see cref="RefundRequested"/> it answers, when it answers one.
public sealed record PaymentRefunded(Guid OrderId, long AmountCents, DateTimeOffset RefundedAt, string Destination = "original", string? RefundId = null)
    : IIntegrationEvent;

/// <summary>
/// Payment gave nothing back for the refund <paramref name="RefundId"/>: nothing was ever charged (<c>nothing-charged</c>), or everything
/// charged for it was given back already (<c>nothing-left</c>). Whoever asked closes its side: a return waits for no money.
/// </summary>
public sealed record RefundDeclined(Guid OrderId, string RefundId, string Reason, DateTimeOffset At) : IIntegrationEvent
{
    public const string NothingCharged = "nothing-charged";
    public const string NothingLeft = "nothing-left";
}

/// <summary>A shipment left the warehouse with these lines; more may follow for the rest of the order.</summary>
/// <paramref name="Replacement"/>: the lines were sent before (a parcel back at the warehouse sent again, a claim settled by
/// replacement); nothing more is charged for them, and the units leave the shelf, not a reservation.
public sealed record OrderShipped(Guid OrderId, Guid ShipmentId, IReadOnlyList<ShippedLine> Lines, DateTimeOffset ShippedAt,
    string? Carrier = null, string? TrackingNumber = null, string? TrackingUrl = null, bool Replacement = false) : IIntegrationEvent;

public sealed record ShippedLine(string LineId, string Sku, int Quantity);

/// <summary>The warehouse found these lines missing while preparing the order: they will never ship or be charged [FR-07].</summary>
public sealed record LinesFoundMissing(Guid OrderId, IReadOnlyList<ShippedLine> Lines) : IIntegrationEvent;

/// <summary>
/// An invoice or a credit note was issued for the order [FR-30, JI-10]; the PDF travels with it so the
/// shipment e-mail can carry it without calling Ordering back.
/// </summary>
public sealed record InvoiceIssued(Guid OrderId, string OrderNumber, Guid CustomerId, string InvoiceNumber, string Kind, Guid? ShipmentId, long TotalCents,
    DateTimeOffset IssuedAt, byte[] Pdf) : IIntegrationEvent;

/// <summary>What was authorised and not captured was released: the order is complete or cancelled.</summary>
public sealed record PaymentVoided(Guid OrderId, long ReleasedCents, DateTimeOffset VoidedAt) : IIntegrationEvent;

/// <summary>
/// Payment could not take the money it needed (the authorisation lapsed and its renewal was refused):
/// operations and the customer must act; nothing ships unpaid.
/// </summary>
public sealed record PaymentEscalated(Guid OrderId, string Reason, DateTimeOffset EscalatedAt) : IIntegrationEvent;

/// <summary>
/// An escalated payment is settled: the customer paid again with another card (<c>paid-again</c>), operations had the authorisation
/// renewed (<c>renewed</c>), or nothing more will be charged (<c>released</c>: the rest was found missing). The order may go on; nothing is held.
/// </summary>
public sealed record PaymentEscalationResolved(Guid OrderId, string How, DateTimeOffset At) : IIntegrationEvent
{
    public const string PaidAgain = "paid-again";
    public const string Renewed = "renewed";
    public const string Released = "released";
}

/// <summary>
/// A shipment's carrier status changed (label-created, in-transit, out-for-delivery, available-for-pickup,
/// notice-left, delivered, returned-to-warehouse), so the order page shows where each parcel is [JI-11].
/// <paramref name="ReturnParcel"/>: the customer's return on its way back, which the order's own shipments do not include.
/// </summary>
public sealed record ShipmentStatusChanged(Guid OrderId, Guid ShipmentId, string Status, DateTimeOffset At, DateTimeOffset? HoldUntil = null,
    bool ReturnParcel = false) : IIntegrationEvent;

/// <summary>
/// The parcel waits at a relay point or post office (or a notice was left) until <paramref name="HoldUntil"/>,
/// 15 days, after which it goes back to the warehouse [FR-10, FR-11]. Notification tells the customer.
/// </summary>
public sealed record ParcelAvailableForPickup(Guid OrderId, Guid ShipmentId, string Carrier, string? TrackingNumber, string? PickupPointId,
    DateTimeOffset AvailableAt, DateTimeOffset HoldUntil) : IIntegrationEvent;

/// <summary>
/// The parcel came back to the warehouse: uncollected after its hold, or refused or undeliverable [FR-10, FR-11]. Its
/// <paramref name="Lines"/> are back on the shelf (Catalog counts them in); Ordering waits for ops to send it again at the
/// customer's request, or refunds it; Notification tells the customer.
/// </summary>
/// <summary>
/// The carrier lost the parcel: no news for long, and its inquiry found nothing. Its units are gone (nothing comes back to the shelf); the
/// order refunds them or sends them again.
/// </summary>
public sealed record ParcelLost(Guid OrderId, Guid ShipmentId, DateTimeOffset At, IReadOnlyList<ShippedLine> Lines) : IIntegrationEvent;

public sealed record ParcelReturnedToWarehouse(Guid OrderId, Guid ShipmentId, DateTimeOffset At, string Reason, IReadOnlyList<ShippedLine>? Lines = null)
    : IIntegrationEvent
{
    public const string Uncollected = "uncollected";
    public const string ReturnedByCarrier = "returned-by-carrier";
}

/// <summary>
/// These lines of the order must leave the warehouse again, free: a parcel that came back sent again, or a claim settled by
/// replacement [ALL-07]. Shipping gives them to the warehouse; the shipment is an <see cref="OrderShipped"/> with
/// <c>Replacement</c> set. <paramref name="RequestId"/> names the request, so told twice it ships once.
/// </summary>
public sealed record ReplacementShipmentRequested(Guid OrderId, string RequestId, IReadOnlyList<ShippedLine> Lines, string Reason, DateTimeOffset At)
    : IIntegrationEvent
{
    public const string ParcelReturned = "parcel-returned";
    public const string ClaimSettled = "claim-settled";
}

/// <summary>
/// The carrier delivered the shipment (or the customer collected it): its time starts the return windows. A <paramref name="ReturnParcel"/>
/// reached the warehouse instead: it is no delivery of the order.
/// </summary>
public sealed record ParcelDelivered(Guid OrderId, Guid ShipmentId, DateTimeOffset DeliveredAt, bool ReturnParcel = false) : IIntegrationEvent;

/// <summary>
/// Money must go back to the customer for the order (a return accepted, a claim resolved): to the method
/// that paid ("original") or to store credit ("store-credit") when the customer chose it [FR-13].
/// <paramref name="RefundId"/> names this refund, so two refunds of the same amount are two refunds. <paramref name="ForLines"/>, when
/// the refund gives back items that shipped (a return, a parcel sent back), names them: Payment refunds them only once it has
/// captured their shipment, since the request can overtake the shipment's news.
/// </summary>
public sealed record RefundRequested(Guid OrderId, string RefundId, long AmountCents, string Destination, string Reason,
    IReadOnlyList<ShippedLine>? ForLines = null) : IIntegrationEvent
{
    public const string Original = "original";
    public const string StoreCredit = "store-credit";
}
