extern alias sandboxes;

using sandboxes::OrderPlatform.Sandboxes.Psp;

namespace OrderPlatform.UnitTests.Payment;

/// <summary>The sandbox PSP's rules: test cards, partial captures, refunds bounded by captures, expiry by method.</summary>
public sealed class PspSandboxTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static PspToken Card(string number) => new("tok_" + number, "card", PspCards.For(number).Brand, number[^4..], PspCards.For(number));

    [Theory]
    [InlineData("4242424242424242", "visa", null)]
    [InlineData("4000002500001001", "cb", null)]
    [InlineData("6759649826438453", "maestro", null)]
    [InlineData("4000000000009995", "visa", "insufficient-funds")]
    [InlineData("4000000000009987", "visa", "limit-exceeded")]
    [InlineData("4000000000000002", "visa", "wrong-details")]
    [InlineData("4000002760003184", "visa", "authentication-failed")]
    public void Each_test_card_has_its_brand_and_outcome_JI_03(string number, string brand, string? decline)
    {
        var payment = PspOperations.Authorise("pay_1", Card(number), 5000, "order", Now);

        Assert.Equal(brand, payment.Brand);
        Assert.Equal(decline, payment.DeclineCode);
        Assert.Equal(decline is null ? PspPayment.Authorized : PspPayment.Declined, payment.Status);
    }

    [Fact]
    public void Several_partial_captures_then_refunds_never_exceed_what_was_captured_ALL_02()
    {
        var payment = PspOperations.Authorise("pay_1", Card("4242424242424242"), 10000, "order", Now);
        payment = PspOperations.Capture(payment, 3000, Now).Payment!;
        payment = PspOperations.Capture(payment, 2000, Now).Payment!;

        Assert.Equal("amount_too_large", PspOperations.Capture(payment, 5001, Now).Refusal!.Code);
        payment = PspOperations.Refund(payment, 4000, Now).Payment!;
        Assert.Equal("amount_too_large", PspOperations.Refund(payment, 1001, Now).Refusal!.Code);
        Assert.Equal((5000, 4000), (payment.CapturedCents, payment.RefundedCents));
    }

    [Fact]
    public void A_refund_reaches_a_card_that_expired_since_the_payment_while_nothing_else_does_FR_19()
    {
        var payment = PspOperations.Capture(PspOperations.Authorise("pay_1", Card("4000000000000069"), 5000, "order", Now), 5000, Now).Payment!;

        var (refunded, refusal) = PspOperations.Refund(payment, 5000, Now.AddYears(2));

        Assert.Null(refusal);
        Assert.Equal(PspPayment.Refunded, refunded!.Status);
        // The card really has expired: nothing but a refund of its payment reaches it any more.
        var partly = PspOperations.Capture(PspOperations.Authorise("pay_2", Card("4000000000000069"), 5000, "order", Now), 2000, Now).Payment!;
        Assert.Equal("expired_card", PspOperations.Reauthorise(partly, Card("4000000000000069"), Now.AddDays(8)).Refusal!.Code);
        Assert.Null(PspOperations.Reauthorise(partly with { Id = "pay_3" }, Card("4242424242424242"), Now.AddDays(8)).Refusal);
    }

    [Fact]
    public void Authorisations_lapse_by_method_and_a_lapsed_one_cannot_be_captured_until_renewed()
    {
        var card = PspOperations.Authorise("pay_1", Card("4242424242424242"), 5000, "order", Now);
        var paypal = PspOperations.Authorise("pay_2", new PspToken("tok_pp", "paypal", null, null, null), 5000, "order", Now);

        Assert.Equal(Now.AddDays(7), card.AuthorizationExpiresAt);
        Assert.Equal(Now.AddDays(29), paypal.AuthorizationExpiresAt);
        Assert.Equal("authorization_expired", PspOperations.Capture(card, 5000, Now.AddDays(8)).Refusal!.Code);
        var renewed = PspOperations.Reauthorise(card, Card("4242424242424242"), Now.AddDays(8)).Payment!;
        Assert.NotNull(PspOperations.Capture(renewed, 5000, Now.AddDays(8)).Payment);
    }

    [Fact]
    public void A_test_card_tells_the_country_of_its_bank_and_fashion_retail_takes_only_french_ones_FR_25()
    {
        Assert.Equal("DE", PspOperations.Authorise("pay_1", Card("4000002760000016"), 5000, "order", Now).Country);
        Assert.Equal("FR", PspOperations.Authorise("pay_2", Card("4242424242424242"), 5000, "order", Now).Country);
    }
}
