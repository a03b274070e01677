using JasperFx.Events.Projections;
using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Returns.Domain;

namespace OrderPlatform.Returns;

public static class ReturnsStorage
{
    public static void Configure(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Snapshot<ReturnableOrder>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<CustomerReturn>(SnapshotLifecycle.Inline);
        options.Schema.For<CustomerReturn>().Duplicate(item => item.CustomerId).Duplicate(item => item.Status).Duplicate(item => item.RefundDueBy!);
        options.Schema.For<ReturnDocument>();
        options.Projections.Snapshot<CustomerClaim>(SnapshotLifecycle.Inline);
        options.Schema.For<CustomerClaim>().Duplicate(claim => claim.Status);
        options.Schema.For<ClaimPhoto>();
        // What an erasure masks in the events [JI-15]: addresses, printed documents, what the customer wrote.
        options.Events.AddMaskingRuleForProtectedInformation<OrderRecordedForReturns>(recorded => recorded with
        {
            DeliveryAddress = PostalAddress.Anonymised(recorded.DeliveryAddress),
        });
        options.Events.AddMaskingRuleForProtectedInformation<ReturnLabelRequested>(requested => requested with
        {
            From = PostalAddress.Anonymised(requested.From)!,
        });
        options.Events.AddMaskingRuleForProtectedInformation<ReturnLabelBooked>(booked => booked with { LabelPdf = null });
        options.Events.AddMaskingRuleForProtectedInformation<ReturnAuthorised>(authorised => authorised with { AuthorisationPdf = [] });
        options.Events.AddMaskingRuleForProtectedInformation<ClaimFiled>(filed => filed with { Description = null });
    }
}

/// <summary>The carrier's label for a return, and the printable authorisation made with it, kept for downloading again [FR-18].</summary>
public sealed record ReturnDocument(Guid Id, byte[]? Label, byte[] Authorisation);
