extern alias returns;

using OrderPlatform.Shops;
using Microsoft.Extensions.Configuration;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults;
using returns::OrderPlatform.Returns;
using returns::OrderPlatform.Returns.Domain;

namespace OrderPlatform.UnitTests.Returns;

/// <summary>Returns' decisions, pure: windows, eligibility, the legal withdrawal, label costs, refunds and their due dates.</summary>
public sealed class ReturnDecisionsTests
{
    private static readonly DateTimeOffset DeliveredAt = new(2026, 11, 10, 14, 0, 0, TimeSpan.Zero);
    private static readonly PostalAddress Paris = new("Camille", "Durand", "12 rue de la Paix", null, "75002", "Paris", "FR", "0612345678");

    private static ReturnsPolicy Policy(string preset = "fashion-retail") =>
        ReturnsPolicy.For(ShopProfiles.Load(preset));

    /// <summary>Three lines, all delivered on 10 November: a dress 49.90, two jeans 59.90 with 10.00 off, a sale jumper 39.90; fee 3.90.</summary>
    private static ReturnableOrder Delivered(PostalAddress? address = null)
    {
        var orderId = Guid.NewGuid();
        var order = ReturnableOrder.Create(new OrderRecordedForReturns(orderId, "CMD-1", Guid.NewGuid(),
            [new OrderedLine("1", "ROBE-38", 1, 4990, ProductName: "Robe"), new OrderedLine("2", "JEAN-40", 2, 5990, 1000, "Jean"),
             new OrderedLine("3", "PULL-M", 1, 3990, ProductName: "Pull", FinalSale: true)], 390, address ?? Paris, DeliveredAt.AddDays(-5)));
        var shipmentId = Guid.NewGuid();
        return order.Next(new ShipmentRecordedForReturns(shipmentId, [new("1", "ROBE-38", 1), new("2", "JEAN-40", 2), new("3", "PULL-M", 1)]))
            .Next(new DeliveryRecordedForReturns(shipmentId, DeliveredAt));
    }

    private static ReturnDecision Request(ReturnableOrder order, DateTimeOffset now, bool withdrawal = false, bool loyal = false, string preset = "fashion-retail",
        string refund = "original", params RequestedReturnLine[] lines) =>
        ReturnDecisions.Request(order, lines.Length > 0 ? lines : [new("1", 1, "changed-mind"), new("2", 2, "wrong-size")], refund, withdrawal, loyal,
            Policy(preset), Guid.NewGuid(), now);

    [Fact]
    public void A_return_not_sent_back_in_time_expires_and_frees_its_units_a_received_one_never_ALL_07()
    {
        var order = Delivered();
        var decision = Request(order, DeliveredAt.AddDays(2), lines: [new("2", 2, "wrong-size")]);
        var asked = CustomerReturn.Create(decision.Requested!);
        order = decision.OrderEvents.Aggregate(order, (state, @event) => state.Next(@event));
        Assert.Equal(0, order.Returnable("2"));

        Assert.Null(ReturnDecisions.Expire(asked, DeliveredAt.AddDays(31), TimeSpan.FromDays(30))); // a day left
        var (expired, released) = ReturnDecisions.Expire(asked, DeliveredAt.AddDays(32), TimeSpan.FromDays(30))!.Value;

        Assert.Equal(CustomerReturn.Expired, asked.Next(expired).Status);
        Assert.False(asked.Next(expired).Open);
        Assert.Equal(2, order.Next(released).Returnable("2"));
        var received = asked.Next(ReturnDecisions.Receive(asked, [new LineInspection("2", true, null)], DeliveredAt.AddDays(10)).Events[1]);
        Assert.Null(ReturnDecisions.Expire(received, DeliveredAt.AddDays(60), TimeSpan.FromDays(30)));
        Assert.Equal(CustomerReturn.NotRefunded, received.Next(new RefundNotGiven(RefundDeclined.NothingLeft, DeliveredAt.AddDays(11))).Status);
    }

    [Fact]
    public void On_the_marketplace_a_return_holds_one_sellers_items_and_names_that_seller_MP_10()
    {
        var delivered = Delivered();
        var order = delivered with
        {
            Lines = delivered.Lines.Select(line => line with { SellerId = line.LineId == "2" ? "brocante" : "atelier" }).ToList(),
        };
        var bothSellers = new RequestedReturnLine[] { new("1", 1, "not-working"), new("2", 1, "not-working") };

        Assert.Contains("lines", Request(order, DeliveredAt.AddDays(3), preset: "marketplace", lines: bothSellers).Invalid!.Keys);
        Assert.NotNull(Request(order, DeliveredAt.AddDays(3), preset: "marketplace", lines: [new("2", 1, "not-working")]).Requested);
        Assert.Null(Request(order, DeliveredAt.AddDays(3), lines: bothSellers).Invalid); // a shop of its own takes everything back itself
        Assert.Equal("brocante", order.SellerOf(["2"]));
        Assert.Null(order.SellerOf(["1", "2"]));
        Assert.Null(delivered.SellerOf(["1"])); // the house's items are the warehouse's to receive
    }

    [Theory]
    [InlineData("fashion-retail", true)]
    [InlineData("japan-import", false)]
    [InlineData("marketplace", false)]
    public void Store_credit_is_offered_as_a_refund_only_by_the_shop_that_has_it_FR_13(string preset, bool offered)
    {
        var toStoreCredit = Request(Delivered(), DeliveredAt.AddDays(2), preset: preset, refund: "store-credit");
        var toTheCard = Request(Delivered(), DeliveredAt.AddDays(2), preset: preset, refund: "original");

        Assert.Equal(offered, toStoreCredit.Requested is not null);
        Assert.Equal(!offered, toStoreCredit.Invalid?.ContainsKey("refundMethod") == true);
        Assert.NotNull(toTheCard.Requested);
    }

    [Fact]
    public void A_return_is_accepted_until_day_14_after_receipt_and_refused_after_FR_15()
    {
        var order = Delivered();

        var onDay14 = Request(order, DeliveredAt.AddDays(14));
        var onDay15 = Request(order, DeliveredAt.AddDays(14).AddMinutes(1));

        Assert.NotNull(onDay14.Requested);
        Assert.Equal(DeliveredAt.AddDays(14), onDay14.Requested!.WindowEndsAt);
        Assert.Contains("until 2026-11-24", onDay15.Conflict, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_delivered_nothing_to_return_and_never_more_than_delivered_minus_what_is_coming_back()
    {
        var order = Delivered();
        var first = Request(order, DeliveredAt.AddDays(1), lines: [new RequestedReturnLine("2", 1, "wrong-size")]);
        var after = first.OrderEvents.Aggregate(order, (state, @event) => state.Next(@event));

        Assert.NotNull(Request(after, DeliveredAt.AddDays(2), lines: [new RequestedReturnLine("2", 1, "wrong-size")]).Requested);
        Assert.Contains("1 unit(s)", Request(after, DeliveredAt.AddDays(2), lines: [new RequestedReturnLine("2", 2, "wrong-size")]).Conflict, StringComparison.Ordinal);
        var undelivered = ReturnableOrder.Create(new OrderRecordedForReturns(Guid.NewGuid(), "CMD-2", Guid.NewGuid(), [new OrderedLine("1", "A", 1, 100)], 0, Paris, DeliveredAt));
        Assert.Contains("delivered", ReturnDecisions.Request(undelivered, [new("1", 1, "other")], "original", false, false, Policy(), Guid.NewGuid(), DeliveredAt).Conflict,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Reasons_and_refund_method_are_checked_and_there_is_no_exchange_FR_16()
    {
        var invalid = Request(Delivered(), DeliveredAt.AddDays(1), refund: "cash", lines: [new RequestedReturnLine("1", 1, "exchange-for-size-40"), new("9", 1, "other")]).Invalid!;

        Assert.Contains("lines[0].reason", invalid.Keys);
        Assert.Contains("new order", invalid["lines[0].reason"][0], StringComparison.Ordinal);
        Assert.Contains("lines[1].lineId", invalid.Keys);
        Assert.Contains("refundMethod", invalid.Keys);
    }

    [Fact]
    public void The_return_label_is_free_for_loyalty_members_in_metropolitan_France_and_Belgium_else_the_fee_FR_14()
    {
        Assert.Equal(0, Request(Delivered(), DeliveredAt.AddDays(1), loyal: true).Requested!.LabelCostCents);
        Assert.Equal(0, Request(Delivered(Paris with { Country = "BE", PostalCode = "1000" }), DeliveredAt.AddDays(1), loyal: true).Requested!.LabelCostCents);
        Assert.Equal(490, Request(Delivered(), DeliveredAt.AddDays(1), loyal: false).Requested!.LabelCostCents);
        Assert.Equal(490, Request(Delivered(Paris with { PostalCode = "97400" }), DeliveredAt.AddDays(1), loyal: true).Requested!.LabelCostCents); // La Réunion
        var labelled = Request(Delivered(), DeliveredAt.AddDays(1));
        var label = Assert.Single(labelled.ReturnEvents.OfType<ReturnLabelRequested>());
        Assert.Equal(("mondial-relay", Paris, 3), (label.Carrier, label.From, label.Items));
    }

    [Fact]
    public void Accepted_lines_are_refunded_at_their_amounts_without_shipping_less_the_label_to_the_chosen_method_due_14_days_after_reception_FR_13_FR_17()
    {
        var requested = Request(Delivered(), DeliveredAt.AddDays(2), refund: "store-credit").Requested!;
        var received = DeliveredAt.AddDays(6);

        var (events, invalid, conflict) = ReturnDecisions.Receive(CustomerReturn.Create(requested),
            [new LineInspection("1", false, "porté, étiquette coupée"), new LineInspection("2", true, null)], received);

        Assert.Null(invalid);
        Assert.Null(conflict);
        var refund = Assert.Single(events.OfType<RefundRequested>());
        Assert.Equal((2 * 5990 - 1000 - 490, "store-credit"), (refund.AmountCents, refund.Destination)); // the jeans after their discount, less the label
        Assert.Equal(["2"], refund.ForLines!.Select(line => line.LineId)); // Payment gives them back once it has captured their shipment
        var inspected = Assert.Single(events.OfType<ReturnInspected>());
        Assert.Equal(received.AddDays(14), inspected.RefundDueBy);
        Assert.Equal(["1"], inspected.RejectedLines);
    }

    [Fact]
    public void A_refused_line_needs_a_note_and_every_line_gets_one_verdict_FR_15_JI_13()
    {
        var returned = CustomerReturn.Create(Request(Delivered(), DeliveredAt.AddDays(2)).Requested!);

        Assert.Contains("lines[0].note", ReturnDecisions.Receive(returned, [new LineInspection("1", false, null), new("2", true, null)], DeliveredAt.AddDays(5)).Invalid!.Keys);
        Assert.Contains("lines", ReturnDecisions.Receive(returned, [new LineInspection("1", true, null)], DeliveredAt.AddDays(5)).Invalid!.Keys);
        var (allRefused, _, _) = ReturnDecisions.Receive(returned, [new LineInspection("1", false, "worn"), new("2", false, "not the item sold")], DeliveredAt.AddDays(5));
        Assert.Empty(allRefused.OfType<RefundRequested>());
        Assert.Equal(CustomerReturn.Rejected, allRefused.Aggregate(returned, (state, @event) => state.Next(@event)).Status);
    }

    [Fact]
    public void Japan_import_refuses_sale_items_under_its_policy_JI_07_but_the_legal_withdrawal_takes_them_back()
    {
        var order = Delivered();
        var sale = new RequestedReturnLine("3", 1, "changed-mind");

        var commercial = Request(order, DeliveredAt.AddDays(3), preset: "japan-import", lines: [sale]);
        var withdrawal = Request(order, DeliveredAt.AddDays(3), withdrawal: true, preset: "japan-import", lines: [sale]);

        Assert.Contains("sale item", commercial.Conflict, StringComparison.Ordinal);
        Assert.True(withdrawal.Requested!.Withdrawal);
        Assert.Equal("la-poste", withdrawal.Requested.Carrier);
        Assert.Contains("withdrawal period ended", Request(order, DeliveredAt.AddDays(15), withdrawal: true, preset: "japan-import", lines: [sale]).Conflict,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_order_withdrawal_refunds_the_cheapest_standard_delivery_and_is_due_14_days_after_the_declaration()
    {
        var declared = DeliveredAt.AddDays(3);
        var whole = Request(Delivered(), declared, withdrawal: true,
            lines: [new RequestedReturnLine("1", 1, "changed-mind"), new("2", 2, "changed-mind"), new("3", 1, "changed-mind")]).Requested!;
        var part = Request(Delivered(), declared, withdrawal: true).Requested!;

        Assert.Equal(390, whole.OutboundDeliveryRefundCents);
        Assert.Equal(0, part.OutboundDeliveryRefundCents);
        var (events, _, _) = ReturnDecisions.Receive(CustomerReturn.Create(whole),
            [new LineInspection("1", true, null), new("2", true, null), new("3", true, null)], declared.AddDays(5));
        Assert.Equal(4990 + 2 * 5990 - 1000 + 3990 + 390 - 490, Assert.Single(events.OfType<RefundRequested>()).AmountCents);
        Assert.Equal(declared.AddDays(14), Assert.Single(events.OfType<ReturnInspected>()).RefundDueBy); // not reception + 14
    }

    [Fact]
    public void Marketplace_counterfeit_broken_or_wrong_items_have_30_days_and_their_return_shipping_refunded_MP_10()
    {
        var order = Delivered();
        var wrong = new RequestedReturnLine("1", 1, "wrong-item");

        var onDay29 = Request(order, DeliveredAt.AddDays(29), preset: "marketplace", lines: [wrong]).Requested!;
        var changedMind = Request(order, DeliveredAt.AddDays(29), preset: "marketplace", lines: [new RequestedReturnLine("1", 1, "changed-mind")]);

        Assert.True(onDay29.ReturnShippingRefunded);
        Assert.NotNull(changedMind.Conflict);
        var (events, _, _) = ReturnDecisions.Receive(CustomerReturn.Create(onDay29), [new LineInspection("1", true, null)], DeliveredAt.AddDays(33));
        Assert.Equal(4990, Assert.Single(events.OfType<RefundRequested>()).AmountCents); // the label is not deducted
    }

    [Fact]
    public void A_return_is_received_once_and_its_refund_id_names_it_so_Payment_refunds_once_ALL_04()
    {
        var requested = Request(Delivered(), DeliveredAt.AddDays(2)).Requested!;
        var returned = CustomerReturn.Create(requested);
        var (events, _, _) = ReturnDecisions.Receive(returned, [new LineInspection("1", true, null), new("2", true, null)], DeliveredAt.AddDays(4));
        var received = events.Aggregate(returned, (state, @event) => state.Next(@event));

        Assert.NotNull(ReturnDecisions.Receive(received, [new LineInspection("1", true, null), new("2", true, null)], DeliveredAt.AddDays(5)).Conflict);
        Assert.Equal(requested.ReturnId, ReturnDecisions.ReturnIdOf(Assert.Single(events.OfType<RefundRequested>()).RefundId));
    }
}
