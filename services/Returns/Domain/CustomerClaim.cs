using OrderPlatform.Contracts;

namespace OrderPlatform.Returns.Domain;

/// <summary>A customer reported a problem with a delivered order: an item missing [FR-04, JI-12], defective [FR-05] or damaged [JI-13].</summary>
public sealed record ClaimFiled(Guid ClaimId, Guid OrderId, string OrderNumber, Guid CustomerId, string Kind, string? LineId, string? TrackingNumber,
    bool HasPhoto, string? Description, DateTimeOffset At);

/// <summary>Operations settled the claim: a refund (through Payment) or a replacement sent by the warehouse.</summary>
public sealed record ClaimResolved(string Outcome, long RefundCents, string? Note, DateTimeOffset At);

/// <summary>A claim: the fold of its stream.</summary>
public sealed record CustomerClaim(Guid Id, Guid OrderId, string OrderNumber, Guid CustomerId, string Kind, string? LineId, string? TrackingNumber, bool HasPhoto,
    string? Description, DateTimeOffset FiledAt, string Status, string? Outcome = null, long RefundCents = 0, string? ResolutionNote = null,
    DateTimeOffset? ResolvedAt = null)
{
    public const string Open = "open";
    public const string Resolved = "resolved";
    public const string Refund = "refund";
    public const string Replacement = "replacement";
    public const string Refused = "refused";

    public static readonly IReadOnlyList<string> Kinds = ["missing", "defective", "damaged"];

    public static CustomerClaim Create(ClaimFiled filed)
    {
        ArgumentNullException.ThrowIfNull(filed);
        return new CustomerClaim(filed.ClaimId, filed.OrderId, filed.OrderNumber, filed.CustomerId, filed.Kind, filed.LineId, filed.TrackingNumber, filed.HasPhoto,
            filed.Description, filed.At, Open);
    }

    public CustomerClaim Apply(ClaimResolved resolved) => this with
    {
        Status = Resolved, Outcome = resolved.Outcome, RefundCents = resolved.RefundCents, ResolutionNote = resolved.Note, ResolvedAt = resolved.At,
    };
}

/// <summary>The photo that goes with a claim, readable by its customer and operations only.</summary>
public sealed record ClaimPhoto(Guid Id, string ContentType, byte[] Content);

/// <summary>What a claim must carry, and how operations settle it: pure.</summary>
public static class ClaimDecisions
{
    /// <summary>
    /// Missing: the item [FR-04], and where the shop asks it (japan-import) the tracking number and a photo of the parcel [JI-12];
    /// defective: the item and a photo [FR-05]; damaged: a photo [JI-13]. The order must have been shipped.
    /// </summary>
    public static (ClaimFiled? Filed, IReadOnlyDictionary<string, string[]>? Invalid, string? Conflict) File(ReturnableOrder order, string? kind, string? lineId,
        string? trackingNumber, string? description, string? photoType, bool trackingAndPhotoForMissing, Guid claimId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        var invalid = new Dictionary<string, string[]>();
        if (kind is null || !CustomerClaim.Kinds.Contains(kind))
        {
            invalid["kind"] = [$"One of {string.Join(", ", CustomerClaim.Kinds)}."];
        }

        if (kind is "missing" or "defective" && string.IsNullOrWhiteSpace(lineId))
        {
            invalid["lineId"] = ["Which item: the order line."];
        }
        else if (lineId is not null && order.Lines.All(line => line.LineId != lineId))
        {
            invalid["lineId"] = [$"The order has no line {lineId}."];
        }

        var photoNeeded = kind is "defective" or "damaged" || (kind == "missing" && trackingAndPhotoForMissing);
        if (photoNeeded && photoType is null)
        {
            invalid["photo"] = [kind == "missing" ? "A photo of the parcel as it arrived." : "A photo of the item."];
        }

        if (kind == "missing" && trackingAndPhotoForMissing && string.IsNullOrWhiteSpace(trackingNumber))
        {
            invalid["trackingNumber"] = ["The parcel's tracking number."];
        }

        if (invalid.Count > 0)
        {
            return (null, invalid, null);
        }

        if (order.Shipments.Count == 0)
        {
            return (null, null, "Nothing of this order has shipped yet: there is nothing to claim about.");
        }

        // A claim is about a unit shipped and not already returned, claimed or refused as missing by the warehouse (never shipped).
        return lineId is not null && order.Claimable(lineId) < 1
            ? (null, null, $"Line {lineId}: no unit of it shipped that is not already coming back or claimed.")
            : (new ClaimFiled(claimId, order.Id, order.OrderNumber, order.CustomerId, kind!, lineId, trackingNumber?.Trim(), photoType is not null,
                description?.Trim(), now), null, null);
    }

    /// <summary>The unit a filed claim takes on its order (none when it names no line).</summary>
    public static LinesClaimed? UnitTaken(ClaimFiled filed, ReturnableOrder order)
    {
        ArgumentNullException.ThrowIfNull(filed);
        ArgumentNullException.ThrowIfNull(order);
        return filed.LineId is { } lineId && order.Lines.FirstOrDefault(line => line.LineId == lineId) is { } line
            ? new LinesClaimed(filed.ClaimId, [new ShippedLine(lineId, line.Sku, 1)])
            : null;
    }

    /// <summary>The unit a settled claim gives back to its order: a refused claim's, or one a replacement stands in for; a refund keeps it.</summary>
    public static ClaimedLinesReleased? UnitReleased(CustomerClaim claim, ReturnableOrder order, string outcome)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(order);
        return outcome != CustomerClaim.Refund && claim.LineId is { } lineId && order.ClaimedOf(lineId) > 0
               && order.Lines.FirstOrDefault(line => line.LineId == lineId) is { } line
            ? new ClaimedLinesReleased(claim.Id, [new ShippedLine(lineId, line.Sku, 1)])
            : null;
    }

    /// <summary>
    /// A refund of one unit of the claimed line (what ops decide, up to that unit's value), for that line, so that its seller and no other
    /// gives it back [MP-10]; a claim naming no line is refunded for the line ops name, or for an amount when the order's lines are
    /// all one seller's (Payment caps it at what was captured). A replacement of one unit, shipped free by the warehouse like any parcel; or
    /// a refusal, whose reason the customer is told [FR-33].
    /// </summary>
    public static (IReadOnlyList<object> Events, string? Problem) Resolve(CustomerClaim claim, ReturnableOrder order, string? outcome, long? amountCents, string? note,
        DateTimeOffset now, string? lineId = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(order);
        if (claim.Status != CustomerClaim.Open)
        {
            return ([], "This claim is already resolved.");
        }

        if (outcome == CustomerClaim.Replacement)
        {
            if (order.Lines.FirstOrDefault(line => line.LineId == claim.LineId) is not { } line)
            {
                return ([], "A replacement sends an item again: this claim names no line. Refund it instead.");
            }

            return ([new ClaimResolved(CustomerClaim.Replacement, 0, note, now), Settled(claim, CustomerClaim.Replacement, 0, note, now),
                new ReplacementShipmentRequested(claim.OrderId, $"claim:{claim.Id:N}", [new ShippedLine(line.LineId, line.Sku, 1)],
                    ReplacementShipmentRequested.ClaimSettled, now)], null);
        }

        if (outcome == CustomerClaim.Refused)
        {
            return string.IsNullOrWhiteSpace(note)
                ? ([], "Say why the claim is refused (note): the customer is told.")
                : ([new ClaimResolved(CustomerClaim.Refused, 0, note.Trim(), now), Settled(claim, CustomerClaim.Refused, 0, note.Trim(), now)], null);
        }

        if (outcome != CustomerClaim.Refund)
        {
            return ([], "outcome: refund, replacement or refused.");
        }

        if (claim.LineId is not null && lineId is not null && lineId != claim.LineId)
        {
            return ([], $"The claim is about line {claim.LineId}.");
        }

        var refundedLine = order.Lines.FirstOrDefault(line => line.LineId == (claim.LineId ?? lineId));
        if ((claim.LineId ?? lineId) is { } named && (refundedLine is null || (claim.LineId is null && order.Claimable(named) < 1)))
        {
            return ([], $"Line {named}: no unit of it shipped that is not already coming back, claimed or refunded.");
        }

        if (refundedLine is null && Sellers(order) > 1)
        {
            return ([], "The order's items come from several sellers: say which line the refund is for (lineId), so that its seller gives it back.");
        }

        var unitAmount = refundedLine?.AmountForCents(1);
        var amount = amountCents ?? unitAmount ?? 0;
        if (amount <= 0)
        {
            return ([], "Say how much to refund (amountCents): the claim names no line.");
        }

        if (unitAmount is { } most && amount > most)
        {
            return ([], $"A claim refunds one unit: at most {most} cents for line {refundedLine!.LineId}.");
        }

        IReadOnlyList<ShippedLine>? forLines = refundedLine is null ? null : [new ShippedLine(refundedLine.LineId, refundedLine.Sku, 1)];
        var events = new List<object>
        {
            new ClaimResolved(CustomerClaim.Refund, amount, note, now), Settled(claim, CustomerClaim.Refund, amount, note, now),
            new RefundRequested(claim.OrderId, $"claim-{claim.Id:N}", amount, RefundRequested.Original, "claim:" + claim.Kind, forLines),
        };
        return (events, null);
    }

    /// <summary>The unit a refund takes when ops name the line of a claim that named none.</summary>
    public static LinesClaimed? UnitTakenAtResolution(CustomerClaim claim, IReadOnlyList<object> events)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(events);
        return claim.LineId is null && events.OfType<RefundRequested>().SingleOrDefault() is { ForLines: [var line] }
            ? new LinesClaimed(claim.Id, [line])
            : null;
    }

    private static int Sellers(ReturnableOrder order) => order.Lines.Select(line => line.SellerId ?? OrderedLine.House).Distinct().Count();

    private static ClaimSettled Settled(CustomerClaim claim, string outcome, long refundCents, string? note, DateTimeOffset now) =>
        new(claim.Id, claim.OrderId, claim.OrderNumber, claim.CustomerId, claim.Kind, outcome, refundCents, note, now);
}
