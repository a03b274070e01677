using System.Globalization;
using OrderPlatform.Contracts;

namespace OrderPlatform.Returns.Domain;

public sealed record RequestedReturnLine(string LineId, int Quantity, string? Reason);

/// <summary>A return asked for: its events, or field errors (422), or why not now (409).</summary>
public sealed record ReturnDecision(ReturnRequested? Requested, IReadOnlyList<object> OrderEvents, IReadOnlyList<object> ReturnEvents,
    IReadOnlyDictionary<string, string[]>? Invalid, string? Conflict);

/// <summary>
/// Returns' decisions, pure. Two regimes: the shop's commercial returns (its window, its exclusions, FR-15, JI-07, MP-10) and the
/// legal withdrawal (Code de la consommation L221-18 to L221-24), declared with <c>withdrawal: true</c> within 14 days of receipt,
/// honoured whatever the commercial policy says: sale items included, the outbound delivery at the cheapest standard rate refunded
/// when the whole order comes back, the refund due 14 days after the declaration (it may wait for the goods).
/// </summary>
public static class ReturnDecisions
{
    public const int WithdrawalDays = 14;

    /// <summary>A refund is due this long after the parcel reaches the warehouse [FR-13].</summary>
    public static readonly TimeSpan RefundDelay = TimeSpan.FromDays(14);

    public static ReturnDecision Request(ReturnableOrder order, IReadOnlyList<RequestedReturnLine> lines, string? refundMethod, bool withdrawal,
        bool loyaltyMember, ReturnsPolicy policy, Guid returnId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(policy);
        var invalid = Validate(order, lines, refundMethod, policy);
        if (invalid.Count > 0)
        {
            return new ReturnDecision(null, [], [], invalid, null);
        }

        if (order.ReceivedAt is not { } receivedAt)
        {
            return Refused("Nothing of this order has been delivered yet: a return starts from the parcel's receipt.");
        }

        var reasons = lines.Select(line => line.Reason!).ToList();
        var longWindow = !withdrawal && policy.LongWindowDays is not null && reasons.All(policy.LongWindowReasons.Contains);
        var windowEnds = receivedAt.AddDays(withdrawal ? WithdrawalDays : longWindow ? policy.LongWindowDays!.Value : policy.WindowDays);
        if (now > windowEnds)
        {
            return Refused(withdrawal
                ? $"The 14-day withdrawal period ended on {windowEnds:yyyy-MM-dd} (received {receivedAt:yyyy-MM-dd})."
                : $"Returns are accepted until {windowEnds:yyyy-MM-dd}, {(longWindow ? policy.LongWindowDays : policy.WindowDays)} days after receipt.");
        }

        var ordered = lines.Select(line => (Request: line, Line: order.Lines.First(ordered => ordered.LineId == line.LineId))).ToList();
        if (!withdrawal && !policy.SaleItemsReturnable && ordered.FirstOrDefault(pair => pair.Line.FinalSale) is { Line: { } sale })
        {
            return Refused($"Line {sale.LineId} is a sale item: this shop does not take sale items back. Within 14 days of receipt the legal "
                           + "withdrawal still applies (send withdrawal: true).");
        }

        if (ordered.FirstOrDefault(pair => pair.Request.Quantity > order.Returnable(pair.Line.LineId)) is { Line: { } tooMany })
        {
            return Refused($"Line {tooMany.LineId}: {order.Returnable(tooMany.LineId)} unit(s) delivered and not already coming back or claimed.");
        }

        var returnLines = ordered.Select(pair => new ReturnLine(pair.Line.LineId, pair.Line.Sku, pair.Line.ProductName, pair.Request.Quantity,
            pair.Request.Reason!, pair.Line.AmountForCents(pair.Request.Quantity), pair.Line.FinalSale)).ToList();
        var from = order.DeliveryAddress ?? throw new InvalidOperationException($"Order {order.Id} has no delivery address.");
        var labelCost = FreeLabel(policy, loyaltyMember, from) ? 0 : policy.LabelFeeCents;
        var requested = new ReturnRequested(returnId, NumberFor(returnId, now), order.Id, order.OrderNumber, order.CustomerId, returnLines,
            refundMethod!, withdrawal, policy.Carrier, labelCost, ReturnShippingRefunded: longWindow,
            withdrawal && WholeOrderComesBack(order, lines) ? Math.Min(order.ShippingFeeCents, policy.CheapestStandardDeliveryCents) : 0,
            windowEnds, now);
        return new ReturnDecision(requested,
            [new LinesReturning(returnId, returnLines.Select(line => new ShippedLine(line.LineId, line.Sku, line.Quantity)).ToList())],
            [requested, new ReturnLabelRequested(returnId, order.Id, requested.ReturnNumber, policy.Carrier, from, returnLines.Sum(line => line.Quantity), now)],
            null, null);

        ReturnDecision Refused(string why) => new(null, [], [], null, why);
    }

    /// <summary>
    /// The warehouse received the parcel and inspected each line: accepted lines are refunded at their amounts, less the return label
    /// unless the label was free or its cost is refunded [FR-14, MP-10]; shipping fees stay with the shop [FR-17] except on a whole-order
    /// withdrawal (the cheapest standard delivery, L221-24). Due 14 days after reception [FR-13], or after the withdrawal's declaration
    /// when the parcel came sooner. Never more than was captured: Payment caps it [ALL-02].
    /// </summary>
    public static (IReadOnlyList<object> Events, IReadOnlyDictionary<string, string[]>? Invalid, string? Conflict) Receive(CustomerReturn customerReturn,
        IReadOnlyList<LineInspection> inspection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customerReturn);
        ArgumentNullException.ThrowIfNull(inspection);
        if (customerReturn.ReceivedAt is not null)
        {
            return ([], null, "This return was already received and inspected.");
        }

        var invalid = new Dictionary<string, string[]>();
        var expected = customerReturn.Lines.Select(line => line.LineId).Order(StringComparer.Ordinal).ToList();
        if (!inspection.Select(line => line.LineId).Order(StringComparer.Ordinal).SequenceEqual(expected))
        {
            invalid["lines"] = [$"Give a verdict for each returned line, once: {string.Join(", ", expected)}."];
        }

        for (var i = 0; i < inspection.Count; i++)
        {
            if (!inspection[i].Accepted && string.IsNullOrWhiteSpace(inspection[i].Note))
            {
                invalid[$"lines[{i}].note"] = ["Say why the line is refused (worn, no tags, not the item sold…)."];
            }
        }

        if (invalid.Count > 0)
        {
            return ([], invalid, null);
        }

        var accepted = customerReturn.Lines.Where(line => inspection.First(verdict => verdict.LineId == line.LineId).Accepted).ToList();
        var items = accepted.Sum(line => line.AmountCents);
        var everything = accepted.Count == customerReturn.Lines.Count;
        var refund = items == 0 ? 0
            : Math.Max(0, items + (everything ? customerReturn.OutboundDeliveryRefundCents : 0)
                          - (customerReturn.ReturnShippingRefunded ? 0 : customerReturn.LabelCostCents));
        DateTimeOffset? dueBy = refund == 0 ? null
            : customerReturn.Withdrawal ? Max(customerReturn.RequestedAt + RefundDelay, now) : now + RefundDelay;
        var events = new List<object>
        {
            new InspectionRecorded(inspection, now),
            new ReturnInspected(customerReturn.Id, customerReturn.ReturnNumber, customerReturn.OrderId, customerReturn.CustomerId,
                accepted.Select(line => line.LineId).ToList(), customerReturn.Lines.Except(accepted).Select(line => line.LineId).ToList(), refund, dueBy, now,
                customerReturn.Lines.Except(accepted).Select(line => new RefusedReturnLine(line.LineId, line.ProductName,
                    inspection.First(verdict => verdict.LineId == line.LineId).Note!.Trim())).ToList()),
        };
        if (refund > 0)
        {
            events.Add(new RefundRequested(customerReturn.OrderId, RefundIdFor(customerReturn.Id), refund,
                customerReturn.RefundMethod == RefundRequested.StoreCredit ? RefundRequested.StoreCredit : RefundRequested.Original,
                customerReturn.Withdrawal ? "withdrawal" : "return", accepted.Select(line => new ShippedLine(line.LineId, line.Sku, line.Quantity)).ToList()));
        }

        return (events, null, null);
    }

    /// <summary>
    /// A return whose parcel has not reached the warehouse <paramref name="sendBackWithin"/> after it was asked for expires: the return ends
    /// (<see cref="ReturnExpired"/>) and its units are free again on the order (<see cref="ReturningReleased"/>). Null when it is not due.
    /// </summary>
    public static (ReturnExpired Expired, ReturningReleased Released)? Expire(CustomerReturn customerReturn, DateTimeOffset now, TimeSpan sendBackWithin)
    {
        ArgumentNullException.ThrowIfNull(customerReturn);
        return customerReturn.Status is CustomerReturn.AwaitingLabel or CustomerReturn.Authorised && customerReturn.RequestedAt + sendBackWithin <= now
            ? (new ReturnExpired(now),
                new ReturningReleased(customerReturn.Id, customerReturn.Lines.Select(line => new ShippedLine(line.LineId, line.Sku, line.Quantity)).ToList()))
            : null;
    }

    public static string RefundIdFor(Guid returnId) => $"return-{returnId:N}";

    public static Guid? ReturnIdOf(string? refundId) =>
        refundId is not null && refundId.StartsWith("return-", StringComparison.Ordinal) && Guid.TryParseExact(refundId[7..], "N", out var id) ? id : null;

    public static string NumberFor(Guid returnId, DateTimeOffset at) =>
        $"RET-{at.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{returnId.ToString("N")[^6..].ToUpperInvariant()}";

    /// <summary>Free for loyalty-club members sending by Mondial Relay from metropolitan France or Belgium [FR-14].</summary>
    public static bool FreeLabel(ReturnsPolicy policy, bool loyaltyMember, PostalAddress from)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(from);
        var metropolitanFrance = from.Country.Equals("FR", StringComparison.OrdinalIgnoreCase) && !from.PostalCode.StartsWith("97", StringComparison.Ordinal)
                                 && !from.PostalCode.StartsWith("98", StringComparison.Ordinal);
        return policy.FreeLabelForLoyalty && loyaltyMember && policy.Carrier == "mondial-relay"
               && (metropolitanFrance || from.Country.Equals("BE", StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<string, string[]> Validate(ReturnableOrder order, IReadOnlyList<RequestedReturnLine> lines, string? refundMethod, ReturnsPolicy policy)
    {
        var invalid = new Dictionary<string, string[]>();
        if (lines.Count == 0)
        {
            invalid["lines"] = ["Choose at least one line to return."];
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (order.Lines.All(line => line.LineId != lines[i].LineId))
            {
                invalid[$"lines[{i}].lineId"] = [$"The order has no line {lines[i].LineId}."];
            }

            if (lines[i].Quantity < 1)
            {
                invalid[$"lines[{i}].quantity"] = ["At least 1."];
            }

            if (lines[i].Reason is null || !ReturnsPolicy.Reasons.Contains(lines[i].Reason))
            {
                invalid[$"lines[{i}].reason"] = [$"One of {string.Join(", ", ReturnsPolicy.Reasons)}. A different size or colour is a new order [FR-16]."];
            }
        }

        if (lines.GroupBy(line => line.LineId).Any(group => group.Count() > 1))
        {
            invalid["lines"] = ["Each line once, with its whole quantity."];
        }

        // On the marketplace a return goes to its seller first [MP-10]: one seller's lines per return, as per parcel.
        if (policy.OneSellerPerReturn
            && lines.Select(line => order.Lines.FirstOrDefault(ordered => ordered.LineId == line.LineId)?.SellerId).Distinct().Count() > 1)
        {
            invalid["lines"] = ["Each seller takes back its own items: one seller's lines per return (ask for another return for the others)."];
        }

        if (refundMethod != RefundRequested.Original && !(refundMethod == RefundRequested.StoreCredit && policy.StoreCreditRefunds))
        {
            invalid["refundMethod"] = [policy.StoreCreditRefunds ? "original or store-credit [FR-13]." : "original: this shop refunds to the payment method."];
        }

        return invalid;
    }

    /// <summary>After this return, every unit of every line delivered is coming back: the whole order is withdrawn.</summary>
    private static bool WholeOrderComesBack(ReturnableOrder order, IReadOnlyList<RequestedReturnLine> lines) =>
        order.Lines.All(line => order.Delivered(line.LineId) == line.Quantity
                                && order.Returning.GetValueOrDefault(line.LineId) + lines.Where(l => l.LineId == line.LineId).Sum(l => l.Quantity) == line.Quantity);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
