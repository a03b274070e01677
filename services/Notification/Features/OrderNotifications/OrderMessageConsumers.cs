using OrderPlatform.Shops;
using Marten;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using OrderPlatform.Notification.Messages;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.Notification.Features.OrderNotifications;

/// <summary>The confirmation e-mail, once payment and stock validated the order; a refused payment never gets one [FR-02, FR-27, JI-02].</summary>
public sealed class OrderConfirmedConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options, ILogger<OrderConfirmedConsumer> logger)
    : NotificationConsumer<OrderConfirmed>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(OrderConfirmed message, IDocumentSession session, CancellationToken cancellationToken) =>
        await RecipientAsync(session, message.CustomerId, cancellationToken) is { } to ? [MessageTemplates.OrderConfirmed(message, to, Shop)] : [];
}

/// <summary>The order will not ship, whoever or whatever cancelled it: the customer is told why [ALL-07].</summary>
public sealed class OrderCancelledConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options, ILogger<OrderCancelledConsumer> logger)
    : NotificationConsumer<OrderCancelled>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(OrderCancelled message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var order = await OrderAsync(session, message.OrderId, cancellationToken);
        return await RecipientAsync(session, order.CustomerId, cancellationToken) is { } to ? [MessageTemplates.OrderCancelled(message, order.OrderNumber, to, Shop)] : [];
    }
}

/// <summary>The bank would not renew the order's payment: the customer is e-mailed a link to pay again with another card [ALL-07].</summary>
public sealed class PaymentEscalatedConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options, ILogger<PaymentEscalatedConsumer> logger)
    : NotificationConsumer<PaymentEscalated>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(PaymentEscalated message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var order = await OrderAsync(session, message.OrderId, cancellationToken);
        return await RecipientAsync(session, order.CustomerId, cancellationToken) is { } to ? [MessageTemplates.PaymentEscalated(message, order.OrderNumber, to, Shop)] : [];
    }
}

/// <summary>The customer changed the order before hand-off [JI-06]: it is confirmed as it now stands.</summary>
public sealed class OrderModifiedConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options, ILogger<OrderModifiedConsumer> logger)
    : NotificationConsumer<OrderModified>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(OrderModified message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var order = await OrderAsync(session, message.OrderId, cancellationToken);
        return await RecipientAsync(session, order.CustomerId, cancellationToken) is { } to ? [MessageTemplates.OrderModified(message, to, Shop)] : [];
    }
}

/// <summary>The parcel came back to the warehouse: the customer hears why and how to have it sent again.</summary>
public sealed class ParcelReturnedConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options, ILogger<ParcelReturnedConsumer> logger)
    : NotificationConsumer<ParcelReturnedToWarehouse>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(ParcelReturnedToWarehouse message, IDocumentSession session,
        CancellationToken cancellationToken)
    {
        var order = await OrderAsync(session, message.OrderId, cancellationToken);
        return await RecipientAsync(session, order.CustomerId, cancellationToken) is { } to ? [MessageTemplates.ParcelReturned(message, order.OrderNumber, to, Shop)] : [];
    }
}

/// <summary>
/// A parcel left with its tracking link [FR-03, JI-11]. Where the shop e-mails the invoice with the shipment (japan-import, JI-10)
/// the e-mail waits for that shipment's invoice; each arrives on its own queue, in either order.
/// </summary>
public sealed class OrderShippedConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options, ShopProfile shop,
    ILogger<OrderShippedConsumer> logger) : NotificationConsumer<OrderShipped>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(OrderShipped message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var order = await OrderAsync(session, message.OrderId, cancellationToken);
        // A replacement is not charged, so no invoice follows it: its e-mail goes at once.
        if (!shop.Orders.InvoiceInShipmentEmail || message.Replacement)
        {
            return await RecipientAsync(session, order.CustomerId, cancellationToken) is { } to ? [MessageTemplates.OrderShipped(message, order.OrderNumber, to, Shop, null)] : [];
        }

        var notice = (await session.LoadAsync<ShipmentNotice>(message.ShipmentId, cancellationToken) ?? new ShipmentNotice(message.ShipmentId, null, null)) with { Shipped = message };
        session.Store(notice);
        return await ShipmentNotices.ReadyAsync(notice, order, session, Shop, cancellationToken);
    }
}

/// <summary>The shipment's invoice, for the shops that e-mail it with the shipment [JI-10].</summary>
public sealed class InvoiceIssuedConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options, ShopProfile shop,
    ILogger<InvoiceIssuedConsumer> logger) : NotificationConsumer<InvoiceIssued>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(InvoiceIssued message, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (!shop.Orders.InvoiceInShipmentEmail || message.ShipmentId is not { } shipmentId || message.Kind != "invoice")
        {
            return [];
        }

        var order = await OrderAsync(session, message.OrderId, cancellationToken);
        var notice = (await session.LoadAsync<ShipmentNotice>(shipmentId, cancellationToken) ?? new ShipmentNotice(shipmentId, null, null)) with
        {
            Invoice = new MessageAttachment($"facture-{message.InvoiceNumber}.pdf", "application/pdf", message.Pdf),
        };
        session.Store(notice);
        return await ShipmentNotices.ReadyAsync(notice, order, session, Shop, cancellationToken);
    }
}

/// <summary>A shipment and its invoice met (or not yet): what japan-import's shipment e-mail waits for.</summary>
public sealed record ShipmentNotice(Guid Id, OrderShipped? Shipped, MessageAttachment? Invoice);

public static class ShipmentNotices
{
    public static async Task<IReadOnlyList<OutgoingMessage>> ReadyAsync(ShipmentNotice notice, OrderContact order, IDocumentSession session, Shop shop,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(session);
        if (notice is not { Shipped: { } shipped, Invoice: { } invoice })
        {
            return [];
        }

        await Shops.Customers.KnownCustomers.LockAsync(session, order.CustomerId, cancellationToken);
        var known = await session.LoadAsync<Shops.Customers.KnownCustomer>(order.CustomerId, cancellationToken);
        return known is { Erased: false, Email: { } email }
            ? [MessageTemplates.OrderShipped(shipped, order.OrderNumber, new Recipient(known.Id, email, known.FirstName, known.Phone), shop, invoice)]
            : [];
    }
}

/// <summary>The parcel waits at a relay point or post office, with its deadline [FR-10, FR-11].</summary>
public sealed class ParcelAvailableConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options, ILogger<ParcelAvailableConsumer> logger)
    : NotificationConsumer<ParcelAvailableForPickup>(store, time, options, logger)
{
    private readonly TimeProvider time = time;

    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(ParcelAvailableForPickup message, IDocumentSession session,
        CancellationToken cancellationToken)
    {
        if (message.HoldUntil <= time.GetUtcNow())
        {
            return []; // learnt too late: a deadline already past would only mislead; the return to the warehouse is told instead
        }

        var order = await OrderAsync(session, message.OrderId, cancellationToken);
        return await RecipientAsync(session, order.CustomerId, cancellationToken) is { } to ? [MessageTemplates.ParcelAvailable(message, order.OrderNumber, to, Shop)] : [];
    }
}

/// <summary>Stock ran out after validation: the customer is told the order waits for a restock [JI-09].</summary>
public sealed class StockBackorderedConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options, ILogger<StockBackorderedConsumer> logger)
    : NotificationConsumer<StockBackordered>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(StockBackordered message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var order = await OrderAsync(session, message.OrderId, cancellationToken);
        return await RecipientAsync(session, order.CustomerId, cancellationToken) is { } to ? [MessageTemplates.Backordered(message, order.OrderNumber, to, Shop)] : [];
    }
}

/// <summary>The return confirmation with its printable authorisation [FR-12].</summary>
public sealed class ReturnAuthorisedConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options, ILogger<ReturnAuthorisedConsumer> logger)
    : NotificationConsumer<ReturnAuthorised>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(ReturnAuthorised message, IDocumentSession session, CancellationToken cancellationToken) =>
        await RecipientAsync(session, message.CustomerId, cancellationToken) is { } to ? [MessageTemplates.ReturnAuthorised(message, to, Shop)] : [];
}

/// <summary>The warehouse inspected a return: the refund, and each refused line with its reason [FR-33].</summary>
public sealed class ReturnInspectedConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options, ILogger<ReturnInspectedConsumer> logger)
    : NotificationConsumer<ReturnInspected>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(ReturnInspected message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var order = await OrderAsync(session, message.OrderId, cancellationToken);
        return await RecipientAsync(session, message.CustomerId, cancellationToken) is { } to ? [MessageTemplates.ReturnInspected(message, order.OrderNumber, to, Shop)] : [];
    }
}

/// <summary>Operations decided a claim: the customer hears the outcome, and the reason of a refusal [FR-33].</summary>
public sealed class ClaimSettledConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options, ILogger<ClaimSettledConsumer> logger)
    : NotificationConsumer<ClaimSettled>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(ClaimSettled message, IDocumentSession session, CancellationToken cancellationToken) =>
        await RecipientAsync(session, message.CustomerId, cancellationToken) is { } to ? [MessageTemplates.ClaimSettled(message, to, Shop)] : [];
}

/// <summary>A refund was made, to the card or as store credit.</summary>
public sealed class PaymentRefundedConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options, ILogger<PaymentRefundedConsumer> logger)
    : NotificationConsumer<PaymentRefunded>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(PaymentRefunded message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var order = await OrderAsync(session, message.OrderId, cancellationToken);
        var key = message.RefundId ?? $"{message.OrderId:N}-{message.RefundedAt.ToUnixTimeMilliseconds()}-{message.AmountCents}";
        return await RecipientAsync(session, order.CustomerId, cancellationToken) is { } to
            ? [MessageTemplates.Refunded(message, order.OrderNumber, to, Shop, key)]
            : [];
    }
}
