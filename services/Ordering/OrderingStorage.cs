using JasperFx.Events.Projections;
using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.Ordering.Features.PlaceOrder;

namespace OrderPlatform.Ordering;

public static class OrderingStorage
{
    public static void Configure(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Snapshot<Order>(SnapshotLifecycle.Inline);
        options.Schema.For<Order>()
            .Duplicate(order => order.CustomerId)
            .Duplicate(order => order.Status)
            .Duplicate(order => order.StatusSince)
            .Duplicate(order => order.PlacedAt);
        options.Schema.For<CheckoutRecord>();
        options.Schema.For<PromoCode>();
        options.Schema.For<Invoice>().Duplicate(invoice => invoice.OrderId).Duplicate(invoice => invoice.CustomerId);
        options.Schema.For<InvoiceSeries>();

        // GDPR erasure [JI-15]: the order's events keep amounts and lines for accounting, not who and where.
        options.Events.AddMaskingRuleForProtectedInformation<OrderPlaced>(placed => placed with
        {
            DeliveryAddress = PostalAddress.Anonymised(placed.DeliveryAddress),
            BillingAddress = PostalAddress.Anonymised(placed.BillingAddress),
            Payment = placed.Payment is null ? null : placed.Payment with { Token = null, GiftCardCode = null },
        });
        options.Events.AddMaskingRuleForProtectedInformation<OrderConfirmed>(confirmed => confirmed with
        {
            DeliveryAddress = PostalAddress.Anonymised(confirmed.DeliveryAddress)!,
            BillingAddress = PostalAddress.Anonymised(confirmed.BillingAddress)!,
        });
        options.Events.AddMaskingRuleForProtectedInformation<OrderHandedToLogistics>(handedOff => handedOff with
        {
            DeliveryAddress = PostalAddress.Anonymised(handedOff.DeliveryAddress)!,
        });
        options.Events.AddMaskingRuleForProtectedInformation<OrderModified>(modified => modified with
        {
            DeliveryAddress = PostalAddress.Anonymised(modified.DeliveryAddress)!,
        });
        // The PDF printed the customer's name and address; the invoice itself stays, anonymised, for the books.
        options.Events.AddMaskingRuleForProtectedInformation<InvoiceIssued>(issued => issued with { Pdf = [] });
    }
}
