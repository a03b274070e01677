extern alias accounts;
using accounts::OrderPlatform.Accounts.Domain;
using Microsoft.Extensions.Configuration;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.UnitTests.Accounts;

public sealed class PasswordResetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly PasswordResetLinks Links = LinksWith("une-cle-de-test-de-plus-de-trente-deux-caracteres");

    [Fact]
    public void A_token_works_for_an_hour_once_FR_31()
    {
        var (resetId, stored) = PasswordResetToken.Issue(Links.TokenFor, Guid.NewGuid(), Now);

        Assert.Equal(PasswordResetToken.HashOf(Links.TokenFor(resetId)), stored.Id);
        Assert.Null(stored.WhyUnusable(Now.AddMinutes(59)));
        Assert.NotNull(stored.WhyUnusable(Now.AddHours(1)));
        Assert.NotNull((stored with { UsedAt = Now }).WhyUnusable(Now.AddMinutes(1)));
    }

    [Fact]
    public void Tokens_are_long_unguessable_without_the_key_and_only_their_hash_is_kept_FR_31()
    {
        var (first, stored) = PasswordResetToken.Issue(Links.TokenFor, Guid.NewGuid(), Now);
        var (second, _) = PasswordResetToken.Issue(Links.TokenFor, Guid.NewGuid(), Now);
        var token = Links.TokenFor(first);

        Assert.True(token.Length >= 40);
        Assert.NotEqual(first, second);
        Assert.NotEqual(token, Links.TokenFor(second));
        Assert.Equal(token, Links.TokenFor(first)); // Notification derives the same token Accounts hashed
        Assert.NotEqual(token, LinksWith("une-autre-cle-de-plus-de-trente-deux-caracteres").TokenFor(first));
        Assert.DoesNotContain(token, stored.Id, StringComparison.Ordinal);
        Assert.DoesNotContain(first.ToString(), token, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_link_gets_its_token_only_where_the_placeholder_is()
    {
        var resetId = Guid.NewGuid();

        Assert.Equal($"https://boutique.test/mot-de-passe/nouveau?token={Links.TokenFor(resetId)} (valable une heure)",
            Links.Fill($"https://boutique.test/mot-de-passe/nouveau?token={PasswordResetLinks.TokenPlaceholder} (valable une heure)", resetId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("trop-courte")]
    public void A_service_without_a_real_key_does_not_start(string? key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => LinksWith(key));

        Assert.Contains(PasswordResetLinks.KeySetting, error.Message, StringComparison.Ordinal);
    }

    private static PasswordResetLinks LinksWith(string? key) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [PasswordResetLinks.KeySetting] = key }).Build());
}
