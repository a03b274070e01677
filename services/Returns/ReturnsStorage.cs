using JasperFx.Events.Projections;
using Marten;
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
    }
}

/// <summary>The carrier's label for a return, and the printable authorisation made with it, kept for downloading again [FR-18].</summary>
public sealed record ReturnDocument(Guid Id, byte[]? Label, byte[] Authorisation);
