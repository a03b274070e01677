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
            failures = SignInFailures.After(failures, "camille@exemple.fr", Now.AddSeconds(i));
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
        var later = SignInFailures.After(Failures(5), "camille@exemple.fr", Now.AddMinutes(20));

        Assert.Equal(1, later.Count);
        Assert.Equal(Now.AddMinutes(20), later.WindowStart);
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
