extern alias accounts;
using accounts::OrderPlatform.Accounts.Domain;

namespace OrderPlatform.UnitTests.Accounts;

public sealed class SignInThrottleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static SignInFailures Failures(int count)
    {
        SignInFailures? failures = null;
        for (var i = 0; i < count; i++)
        {
            failures = SignInFailures.After(failures, "camille@exemple.fr", "203.0.113.7", Now.AddSeconds(i));
        }

        return failures!;
    }

    [Fact]
    public void Four_wrong_passwords_let_the_next_try_through()
    {
        Assert.Null(Failures(4).WaitAt(Now.AddMinutes(1)));
    }

    [Fact]
    public void Five_wrong_passwords_make_sign_in_wait_for_the_rest_of_the_window()
    {
        var wait = Failures(5).WaitAt(Now.AddMinutes(5));

        Assert.Equal(TimeSpan.FromMinutes(10), wait);
        Assert.Null(Failures(5).WaitAt(Now.AddMinutes(15)));
    }

    [Fact]
    public void A_wrong_password_after_the_window_starts_a_new_count()
    {
        var later = SignInFailures.After(Failures(5), "camille@exemple.fr", "203.0.113.7", Now.AddMinutes(20));

        Assert.Equal(1, later.Count);
        Assert.Equal(Now.AddMinutes(20), later.WindowStart);
    }

    [Fact]
    public void A_strangers_wrong_passwords_hold_back_that_stranger_only_not_the_owner_signing_in_from_elsewhere()
    {
        var stranger = Failures(5);

        Assert.Equal(SignInFailures.IdFor("camille@exemple.fr", "203.0.113.7"), stranger.Id);
        Assert.NotEqual(SignInFailures.IdFor("camille@exemple.fr", "198.51.100.20"), stranger.Id); // the owner's record is another
        Assert.Equal(SignInFailures.AccountOf("camille@exemple.fr"), stranger.Account); // an erasure finds it
        Assert.DoesNotContain("camille", stranger.Id + stranger.Account, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("203.0.113.7", "127.0.0.1", "203.0.113.7")]
    [InlineData("203.0.113.7, 10.0.0.2", "127.0.0.1", "203.0.113.7")]
    [InlineData(null, "198.51.100.20", "198.51.100.20")]
    [InlineData("pas-une-adresse", "198.51.100.20", "198.51.100.20")]
    public void The_client_is_the_address_the_gateway_saw(string? forwardedFor, string remote, string client)
    {
        Assert.Equal(client, SignInFailures.ClientOf(forwardedFor, System.Net.IPAddress.Parse(remote)));
    }

    [Fact]
    public void An_unknown_address_costs_a_password_check_like_a_known_one()
    {
        var hasher = new CountingHasher();
        var known = Customer.StandIn with { Id = Guid.NewGuid(), PasswordHash = new Microsoft.AspNetCore.Identity.PasswordHasher<Customer>().HashPassword(Customer.StandIn, "Mot-de-passe-2026") };

        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, Passwords.Verify(hasher, null, "Mot-de-passe-2026"));
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Success, Passwords.Verify(hasher, known, "Mot-de-passe-2026"));
        Assert.Equal(2, hasher.Checks);
    }

    private sealed class CountingHasher : Microsoft.AspNetCore.Identity.IPasswordHasher<Customer>
    {
        private readonly Microsoft.AspNetCore.Identity.PasswordHasher<Customer> real = new();

        public int Checks { get; private set; }

        public string HashPassword(Customer user, string password) => real.HashPassword(user, password);

        public Microsoft.AspNetCore.Identity.PasswordVerificationResult VerifyHashedPassword(Customer user, string hashedPassword, string providedPassword)
        {
            Checks++;
            return real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Theory]
    [InlineData("camille@exemple.fr", true)]
    [InlineData(" Camille@Exemple.FR ", true)]
    [InlineData("camille", false)]
    [InlineData("@exemple.fr", false)]
    [InlineData("camille@", false)]
    public void Emails_are_checked_loosely_and_compared_normalised(string email, bool valid)
    {
        Assert.Equal(valid, Emails.LookValid(email));
        Assert.Equal("camille@exemple.fr", Emails.Normalize(" Camille@Exemple.FR "));
    }

    [Theory]
    [InlineData("court1", false)]
    [InlineData("sanschiffresdutout", false)]
    [InlineData("Mot-de-passe-2026", true)]
    public void A_password_needs_ten_characters_a_letter_and_a_digit(string password, bool strong)
    {
        Assert.Equal(strong, Passwords.WhyWeak(password) is null);
    }
}
