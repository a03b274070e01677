extern alias accounts;
using accounts::OrderPlatform.Accounts.Domain;

namespace OrderPlatform.UnitTests.Accounts;

public sealed class PasswordResetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_works_for_an_hour_once_FR_31()
    {
        var (token, stored) = PasswordResetToken.Issue(Guid.NewGuid(), Now);

        Assert.Equal(PasswordResetToken.HashOf(token), stored.Id);
        Assert.Null(stored.WhyUnusable(Now.AddMinutes(59)));
        Assert.NotNull(stored.WhyUnusable(Now.AddHours(1)));
        Assert.NotNull((stored with { UsedAt = Now }).WhyUnusable(Now.AddMinutes(1)));
    }

    [Fact]
    public void Tokens_are_long_random_and_only_their_hash_is_kept()
    {
        var (first, stored) = PasswordResetToken.Issue(Guid.NewGuid(), Now);
        var (second, _) = PasswordResetToken.Issue(Guid.NewGuid(), Now);

        Assert.True(first.Length >= 40);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain(first, stored.Id, StringComparison.Ordinal);
    }
}
