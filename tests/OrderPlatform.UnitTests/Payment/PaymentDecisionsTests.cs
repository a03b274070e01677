extern alias payment;

using OrderPlatform.Contracts;
using payment::OrderPlatform.Payment.Domain;
using OrderPayment = payment::OrderPlatform.Payment.Domain.Payment;

namespace OrderPlatform.UnitTests.Payment;

/// <summary>How much each shipment costs, and when the rest is released, without I/O [FR-26, FR-07].</summary>
public sealed class PaymentDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Three shirts at 19.99 with a 10.00 discount share, a dress at 59.90 with 3.33, shipping 3.90.</summary>
    private static OrderPayment Authorised() =>
        OrderPayment.Create(new PaymentRequested(Guid.NewGuid(), "CMD-1", Guid.NewGuid(),
                [new OrderedLine("1", "CHEMISE", 3, 1999, 1000), new OrderedLine("2", "ROBE", 1, 5990, 333)], 390, 5997 - 1000 + 5990 - 333 + 390, "card", "tok", Now))
            .Apply(new AuthorisationObtained("pay_1", 11044, Now.AddDays(7), "visa", "4242", Now));

    private static OrderPayment Shipped(OrderPayment payment, Guid shipmentId, params ShippedLine[] lines) =>
        payment.Apply(new ShipmentRecorded(shipmentId, lines, Now));

    [Fact]
    public void Shipping_a_line_in_parts_charges_exactly_its_amount_in_total_and_the_fee_once_FR_26()
    {
        var payment = Authorised();
        var captured = 0L;
        foreach (var quantity in new[] { 1, 1, 1 })
        {
            payment = Shipped(payment, Guid.NewGuid(), new ShippedLine("1", "CHEMISE", quantity));
            var amount = PaymentDecisions.AmountForShipment(payment, [new ShippedLine("1", "CHEMISE", quantity)]);
            payment = payment.Apply(new PaymentCaptured(payment.Id, amount, Now, Guid.NewGuid()));
            captured += amount;
        }

        Assert.Equal(5997 - 1000 + 390, captured);
    }

    [Fact]
    public void A_missing_line_is_never_charged_and_what_it_held_is_released_once_the_rest_shipped_FR_07()
    {
        var payment = Shipped(Authorised(), Guid.NewGuid(), new ShippedLine("2", "ROBE", 1));
        var amount = PaymentDecisions.AmountForShipment(payment, [new ShippedLine("2", "ROBE", 1)]);
        payment = payment.Apply(new PaymentCaptured(payment.Id, amount, Now, Guid.NewGuid()));
        Assert.Equal(0, PaymentDecisions.ToRelease(payment)); // the shirts may still ship

        payment = payment.Apply(new LinesMissingRecorded(["1"], Now));

        Assert.Equal(5990 - 333 + 390, amount);
        Assert.Equal(11044 - amount, PaymentDecisions.ToRelease(payment));
    }

    [Fact]
    public void Charged_at_order_a_missing_line_is_refunded_exactly_and_the_fee_only_once_nothing_at_all_ships_ALL_01()
    {
        var payment = Authorised().Apply(new PaymentCaptured(Guid.Empty, 11044, Now, null)).Apply(new LinesMissingRecorded(["1"], Now));

        var shirts = PaymentDecisions.RefundForMissing(payment, CaptureTiming.OnOrder);
        payment = payment.Apply(new MissingLinesRefunded(shirts, Now)).Apply(new PaymentRefunded(payment.Id, shirts, Now));
        Assert.Equal(5997 - 1000, shirts); // the dress may still ship: the fee stays charged
        Assert.Equal(0, PaymentDecisions.RefundForMissing(payment, CaptureTiming.OnOrder)); // delivered twice: nothing more

        payment = payment.Apply(new LinesMissingRecorded(["2"], Now));
        var dressAndFee = PaymentDecisions.RefundForMissing(payment, CaptureTiming.OnOrder);

        Assert.Equal(5990 - 333 + 390, dressAndFee);
        Assert.Equal(payment.CapturedCents, shirts + dressAndFee); // captured − refunded = value shipped = 0
    }

    [Fact]
    public void Charged_at_shipment_a_missing_line_was_never_charged_so_nothing_is_refunded_ALL_01()
    {
        var payment = Shipped(Authorised(), Guid.NewGuid(), new ShippedLine("2", "ROBE", 1));
        payment = payment.Apply(new PaymentCaptured(payment.Id, 5990 - 333 + 390, Now, Guid.NewGuid())).Apply(new LinesMissingRecorded(["1"], Now));

        Assert.Equal(0, PaymentDecisions.RefundForMissing(payment, CaptureTiming.OnShipment));
    }

    [Fact]
    public void A_capture_never_exceeds_what_is_still_authorised_ALL_02()
    {
        var payment = Authorised().Apply(new PaymentCaptured(Guid.Empty, 11000, Now, null));
        payment = Shipped(payment, Guid.NewGuid(), new ShippedLine("2", "ROBE", 1));

        Assert.Equal(44, PaymentDecisions.AmountForShipment(payment, [new ShippedLine("2", "ROBE", 1)]));
    }

    [Fact]
    public void With_store_credit_and_a_card_captures_take_the_credit_first_and_refunds_give_the_card_back_first_FR_25()
    {
        var payment = Authorised() with { CreditPaymentId = "prepaid_1", CreditAuthorizedCents = 3000 };

        Assert.Equal((3000, 2000), PaymentDecisions.SplitCapture(payment, 5000));
        payment = payment.Apply(new CreditTenderMoved("capture", 3000, Now)).Apply(new PaymentCaptured(payment.Id, 5000, Now, null));
        Assert.Equal((0, 1000), PaymentDecisions.SplitCapture(payment, 1000));
        Assert.Equal((2000, 500), PaymentDecisions.SplitRefund(payment, 2500));

        payment = payment.Apply(new PaymentRefunded(payment.Id, 2000, Now, "store-credit")); // given as store credit: the card keeps its share
        Assert.Equal((2000, 0), PaymentDecisions.SplitRefund(payment, 2000));
    }

    [Fact]
    public void A_return_refund_waits_for_the_capture_of_the_items_it_gives_back_and_never_exceeds_what_was_captured_FR_13_ALL_02()
    {
        var payment = Authorised();
        var dressBack = new RefundRequested(payment.Id, "return-1", 5990 - 333, RefundRequested.Original, "return", [new ShippedLine("2", "ROBE", 1)]);

        Assert.Null(PaymentDecisions.Refundable(payment, dressBack)); // the return overtook the shipment's news: nothing captured yet
        payment = Shipped(payment, Guid.NewGuid(), new ShippedLine("1", "CHEMISE", 3));
        payment = payment.Apply(new PaymentCaptured(payment.Id, PaymentDecisions.AmountForShipment(payment, [new ShippedLine("1", "CHEMISE", 3)]), Now, null));
        Assert.Null(PaymentDecisions.Refundable(payment, dressBack)); // the shirts' parcel is not the dress's

        payment = Shipped(payment, Guid.NewGuid(), new ShippedLine("2", "ROBE", 1));
        payment = payment.Apply(new PaymentCaptured(payment.Id, PaymentDecisions.AmountForShipment(payment, [new ShippedLine("2", "ROBE", 1)]), Now, null));
        Assert.Equal(5990 - 333, PaymentDecisions.Refundable(payment, dressBack)!.AmountCents);
        var goodwill = new RefundRequested(payment.Id, "goodwill", 1_000_000, RefundRequested.Original, "geste");
        Assert.Equal(payment.CapturedCents, PaymentDecisions.Refundable(payment, goodwill)!.AmountCents); // names no item: capped at once
    }

    [Fact]
    public void A_line_is_never_refunded_for_more_units_than_shipped_a_second_claim_on_a_refunded_unit_gives_nothing_ALL_02()
    {
        var shirts = new ShippedLine("1", "CHEMISE", 3);
        var payment = Shipped(Authorised(), Guid.NewGuid(), shirts, new ShippedLine("2", "ROBE", 1));
        payment = payment.Apply(new PaymentCaptured(payment.Id, payment.AuthorizedCents, Now, null));
        var dress = new RefundRequested(payment.Id, "claim-1", 5990 - 333, RefundRequested.Original, "claim:defective", [new ShippedLine("2", "ROBE", 1)]);

        var first = PaymentDecisions.Refundable(payment, dress)!;
        payment = payment.Apply(new PaymentRefunded(payment.Id, first.AmountCents, Now)).Apply(new LinesRefunded("claim-1", first.Lines!, Now));
        var again = PaymentDecisions.Refundable(payment, dress with { RefundId = "return-1" })!;

        Assert.Equal((5990 - 333, 1), (first.AmountCents, first.Lines!.Single().Quantity));
        Assert.Equal(0, again.AmountCents);
        Assert.Empty(again.Lines!);

        // Two of three shirts back, then two more claimed: only the one left is refunded, at its share of the line.
        var twoShirts = new RefundRequested(payment.Id, "return-2", 2 * 1999 - 666, RefundRequested.Original, "return", [new ShippedLine("1", "CHEMISE", 2)]);
        var two = PaymentDecisions.Refundable(payment, twoShirts)!;
        payment = payment.Apply(new PaymentRefunded(payment.Id, two.AmountCents, Now)).Apply(new LinesRefunded("return-2", two.Lines!, Now));
        var twoMore = PaymentDecisions.Refundable(payment, twoShirts with { RefundId = "claim-2" })!;

        Assert.Equal(2 * 1999 - 666, two.AmountCents);
        Assert.Equal(1, twoMore.Lines!.Single().Quantity);
        Assert.Equal(1999 - 334, twoMore.AmountCents); // the line's 5997 - 1000 less the 3332 already given back
    }

    [Fact]
    public void An_escalated_payment_is_paid_again_only_while_nothing_was_charged_on_the_card_and_then_owes_what_shipped_ALL_07()
    {
        var shirts = new ShippedLine("1", "CHEMISE", 3);
        var escalated = Shipped(Authorised(), Guid.NewGuid(), shirts).Apply(new PaymentEscalated(Guid.Empty, "re-authorisation refused", Now));

        Assert.Null(PaymentDecisions.WhyNotPayAgain(escalated));
        Assert.NotNull(PaymentDecisions.WhyNotPayAgain(Authorised())); // nothing to settle
        Assert.Equal(5997 - 1000 + 390, PaymentDecisions.DueAfterEscalation(escalated, CaptureTiming.OnShipment)); // the shirts and the fee
        Assert.Equal(Authorised().TotalCents, PaymentDecisions.DueAfterEscalation(escalated, CaptureTiming.OnOrder));
        var partly = escalated.Apply(new PaymentCaptured(escalated.Id, 1000, Now, null));
        Assert.NotNull(PaymentDecisions.WhyNotPayAgain(partly)); // part charged on the old card: ops settle it

        // Shipped and uncharged, the shirts are owed even once the dress is found missing: nothing is released.
        Assert.Equal(0, PaymentDecisions.ToRelease(escalated.Apply(new LinesMissingRecorded(["2"], Now))));
        // Escalated before anything shipped, and everything found missing: nothing more is to be charged, the escalation ends by a release.
        var nothingShipped = Authorised().Apply(new PaymentEscalated(Guid.Empty, "re-authorisation refused", Now));
        Assert.Equal(0, PaymentDecisions.ToRelease(nothingShipped)); // the lines may still ship
        var allMissing = nothingShipped.Apply(new LinesMissingRecorded(["1", "2"], Now));
        Assert.Equal(allMissing.Uncaptured, PaymentDecisions.ToRelease(allMissing));
    }

    [Fact]
    public void An_authorisation_past_its_expiry_must_be_renewed_before_capture()
    {
        Assert.False(PaymentDecisions.NeedsRenewal(Authorised(), Now.AddDays(6)));
        Assert.True(PaymentDecisions.NeedsRenewal(Authorised(), Now.AddDays(7)));
    }
}
