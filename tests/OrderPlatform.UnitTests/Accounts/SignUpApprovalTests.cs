extern alias accounts;
using OrderPlatform.Shops;
using accounts::OrderPlatform.Accounts;
using accounts::OrderPlatform.Accounts.Domain;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.UnitTests.Accounts;

/// <summary>On the marketplace a sign-up is approved before its confirmation e-mail: at once by the checks, or by operations [MP-03].</summary>
public sealed class SignUpApprovalTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("lea@exemple.fr", "Léa", "Martin", false)]
    [InlineData("lea@yopmail.com", "Léa", "Martin", true)]
    [InlineData("lea@MAILINATOR.com", null, null, true)]
    [InlineData("lea@exemple.fr", "Gagnez 1000 €", null, true)]
    [InlineData("lea@exemple.fr", "Léa", "www.promo.example", true)]
    public void The_automatic_checks_approve_a_plain_sign_up_and_doubt_throwaway_addresses_and_names_with_links_or_digits_MP_03(string email,
        string? firstName, string? lastName, bool doubted) =>
        Assert.Equal(doubted, SignUpApproval.Doubt(email, firstName, lastName) is not null);

    [Fact]
    public void Only_the_marketplace_approves_sign_ups_and_one_left_undecided_30_days_is_refused_MP_03()
    {
        Assert.True(AccountsPolicy.For(ShopProfiles.Load("marketplace")).SignUpApproval);
        Assert.False(AccountsPolicy.For(ShopProfiles.Load("fashion-retail")).SignUpApproval);
        Assert.False(AccountsPolicy.For(ShopProfiles.Load("japan-import")).SignUpApproval);
        var waiting = new Customer(Guid.NewGuid(), "C00100001", "lea@yopmail.com", "hash", ["customer"], null, null, null, false, false, [], Now,
            AwaitingApproval: "a throwaway e-mail address (yopmail.com)");

        Assert.False(SignUpApproval.Expired(waiting, Now.AddDays(29)));
        Assert.True(SignUpApproval.Expired(waiting, Now.AddDays(30)));
        Assert.False(SignUpApproval.Expired(waiting with { AwaitingApproval = null }, Now.AddDays(90)));
    }
}
