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
}
