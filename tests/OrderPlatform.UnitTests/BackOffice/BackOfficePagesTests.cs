extern alias backoffice;

using backoffice::OrderPlatform.BackOffice.Operations;
using backoffice::OrderPlatform.BackOffice.Session;

namespace OrderPlatform.UnitTests.BackOffice;

public sealed class BackOfficePagesTests
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/commandes/0195a3c2-0000-7000-8000-000000000001", "/commandes/0195a3c2-0000-7000-8000-000000000001")]
    [InlineData("commandes?page=2", "/commandes?page=2")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/connexion?ReturnUrl=/connexion", "/")]
    public void Once_signed_in_an_operator_goes_back_to_a_page_of_the_back_office_and_never_elsewhere(string? returnUrl, string expected)
    {
        Assert.Equal(expected, ReturnPath.Of(returnUrl));
    }

    [Fact]
    public void Amounts_and_dates_read_as_in_France_in_the_shops_time()
    {
        Assert.Equal("1 234,56 €", Plain(French.Euros(123456)));
        Assert.Equal("0,05 €", Plain(French.Euros(5)));
        Assert.DoesNotContain(' ', French.Euros(123456)); // no-break spaces: the amount never wraps
        Assert.Equal("0 commande", French.Count(0, "commande", "commandes"));
        Assert.Equal("1 commande", French.Count(1, "commande", "commandes"));
        Assert.Equal("1 234 commandes", Plain(French.Count(1234, "commande", "commandes")));
        // 13:05 UTC is 14:05 in Paris in winter, 15:05 in summer.
        Assert.Equal("6 décembre 2026 à 14:05", French.DateTime(new DateTimeOffset(2026, 12, 6, 13, 5, 0, TimeSpan.Zero)));
        Assert.Equal("6 juillet 2026 à 15:05", French.DateTime(new DateTimeOffset(2026, 7, 6, 13, 5, 0, TimeSpan.Zero)));
    }

    private static string Plain(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');

    [Fact]
    public void Every_order_status_has_its_French_name()
    {
        foreach (var status in OrderPlatform.Ordering.Domain.OrderStatus.All)
        {
            Assert.True(French.OrderStatuses.ContainsKey(status), $"no French name for {status}");
        }
    }

    [Theory]
    [InlineData("refund", "", "Désolés", "1", null, null)]
    [InlineData("refund", "12,50", "Désolés", "1", 1250L, null)]
    [InlineData("refund", "12.5 €", "Désolés", "1", 1250L, null)]
    [InlineData("refund", "1 234,56", "Désolés", "1", 123456L, null)]
    [InlineData("refund", "-3", "Désolés", "1", null, "Le montant s'écrit en euros, par exemple 12,50.")]
    [InlineData("refund", "12,505", "Désolés", "1", null, "Le montant s'écrit en euros, par exemple 12,50.")]
    [InlineData("refund", "", "Désolés", null, null, "Choisissez l'article remboursé.")]
    [InlineData("refused", "", " ", "1", null, "Écrivez le message au client : il est envoyé par e-mail et enregistré comme motif.")]
    [InlineData(null, "", "Désolés", "1", null, "Choisissez une décision : rembourser, envoyer un remplacement ou refuser.")]
    [InlineData("replacement", "99", "Un autre part demain", null, null, null)]
    public void A_claim_is_settled_with_a_decision_a_message_to_the_customer_and_an_amount_in_euros_FR_33(string? outcome, string amount, string note,
        string? lineId, long? cents, string? invalid)
    {
        Assert.Equal((cents, invalid), ClaimDecisionInput.Check(outcome, amount, note, lineId));
    }
}
