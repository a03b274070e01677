using JasperFx.Events.Projections;
using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Payment.Domain;
using OrderPlatform.Payment.Features.Payments;
using OrderPlatform.Payment.Prepaid;

namespace OrderPlatform.Payment;

public static class PaymentStorage
{
    public static void Configure(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Snapshot<Domain.Payment>(SnapshotLifecycle.Inline);
        options.Schema.For<Domain.Payment>().Duplicate(payment => payment.CustomerId).Duplicate(payment => payment.Status);
        options.Schema.For<CustomerAccount>();
        options.Schema.For<PrepaidAccount>();
        options.Schema.For<PrepaidPayment>();
        options.Schema.For<PrepaidOperation>();
        options.Schema.For<SellerLedgerEntry>().Duplicate(entry => entry.SellerId).Duplicate(entry => entry.At).Duplicate(entry => entry.OrderId!);
        options.Schema.For<SellerTerms>();
        options.Schema.For<CertifiedSeller>();
    }
}
