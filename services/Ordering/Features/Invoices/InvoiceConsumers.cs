using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.Messaging;

namespace OrderPlatform.Ordering.Features.Invoices;

/// <summary>Japan-import and the marketplace invoice each shipment, sent with its e-mail [JI-10].</summary>
public sealed class InvoiceOnShipmentConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, InvoiceIssuer issuer,
    ILogger<InvoiceOnShipmentConsumer> logger) : IdempotentConsumer<OrderShipped>(store, time, logger)
{
    protected override async Task HandleAsync(OrderShipped message, IDocumentSession session, CancellationToken cancellationToken)
    {
        // A replacement charges nothing: there is nothing to invoice.
        if (policy.InvoiceAt != InvoiceTrigger.Shipment || message.Replacement
            || await session.LoadAsync<Order>(message.OrderId, cancellationToken) is not { } order)
        {
            return;
        }

        await issuer.IssueAsync(session, order, Invoice.InvoiceKind, numbering => Invoicing.ForShipment(order, message.ShipmentId,
            message.Lines.Select(line => new ShipmentLine(line.LineId, line.Quantity)).ToList(), numbering.FirstInvoice, numbering.Number, numbering.IssuedAt),
            cancellationToken);
    }
}

/// <summary>Fashion-retail invoices what was charged: each capture, for the shipment it paid [FR-26, FR-30].</summary>
public sealed class InvoiceOnCaptureConsumer(IDocumentStore store, TimeProvider time, OrderPolicy policy, InvoiceIssuer issuer,
    ILogger<InvoiceOnCaptureConsumer> logger) : IdempotentConsumer<PaymentCaptured>(store, time, logger)
{
    protected override async Task HandleAsync(PaymentCaptured message, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (policy.InvoiceAt != InvoiceTrigger.Capture || await session.LoadAsync<Order>(message.OrderId, cancellationToken) is not { } order)
        {
            return;
        }

        // A capture for a shipment invoices that shipment; a capture at order invoices what will be delivered.
        var lines = message.ShipmentId is { } shipmentId
            ? (order.Shipments.FirstOrDefault(shipment => shipment.ShipmentId == shipmentId) ?? throw new MessageArrivedEarlyException($"order {order.Id}'s shipment {shipmentId} to be recorded")).Lines
            : Domain.OrderProcess.Deliverable(order).Select(line => new ShipmentLine(line.LineId, line.Quantity)).ToList();
        await issuer.IssueAsync(session, order, Invoice.InvoiceKind,
            numbering => Invoicing.ForShipment(order, message.ShipmentId ?? Guid.Empty, lines, numbering.FirstInvoice, numbering.Number, numbering.IssuedAt),
            cancellationToken);
    }
}

/// <summary>A refund never edits an invoice: it makes a credit note [FR-30].</summary>
public sealed class CreditNoteOnRefundConsumer(IDocumentStore store, TimeProvider time, InvoiceIssuer issuer, ILogger<CreditNoteOnRefundConsumer> logger)
    : IdempotentConsumer<PaymentRefunded>(store, time, logger)
{
    protected override async Task HandleAsync(PaymentRefunded message, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Order>(message.OrderId, cancellationToken) is not { } order)
        {
            return;
        }

        await issuer.IssueAsync(session, order, Invoice.CreditNoteKind,
            numbering => Invoicing.CreditNote(order, message.AmountCents, numbering.LastInvoice, numbering.Number, numbering.IssuedAt), cancellationToken);
    }
}

public static class InvoiceRegistration
{
    public static void AddInvoicing(this MassTransit.IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<InvoiceOnShipmentConsumer>();
        bus.AddConsumer<InvoiceOnCaptureConsumer>();
        bus.AddConsumer<CreditNoteOnRefundConsumer>();
    }
}
