using System.Globalization;
using System.Security.Claims;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.UnitTests.Security;

/// <summary>A money action above a threshold asks for the operator's second factor again.</summary>
public sealed class FreshCodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);
    private static readonly FreshCodeOptions Options = new() { AboveCents = 10_000, Within = TimeSpan.FromMinutes(2) };

    private static ClaimsPrincipal Operator(DateTimeOffset codeAt, bool withCode = true, string role = "ops")
    {
        var claims = new List<Claim>
        {
            new("sub", Guid.NewGuid().ToString()), new("role", role), new("amr", "pwd"),
            new("iat", codeAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        if (withCode)
        {
            claims.Add(new("amr", "otp"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", "sub", "role"));
    }

    [Fact]
    public void Up_to_the_threshold_the_code_of_the_sign_in_is_enough_however_old()
    {
        Assert.Null(FreshCode.Refusal(Operator(Now.AddMinutes(-14)), 10_000, Now, Options));
    }

    [Fact]
    public void Above_it_a_code_typed_within_the_window_lets_the_money_go()
    {
        Assert.Null(FreshCode.Refusal(Operator(Now.AddMinutes(-2)), 10_001, Now, Options));
    }

    [Fact]
    public void Above_it_an_older_code_or_a_token_without_one_is_refused_and_says_to_ask_again()
    {
        var refusal = FreshCode.Refusal(Operator(Now.AddMinutes(-2).AddSeconds(-1)), 10_001, Now, Options);

        Assert.NotNull(refusal);
        Assert.Equal(403, refusal.StatusCode);
        Assert.Equal(FreshCode.Again, refusal.ProblemDetails.Extensions["secondFactor"]);
        Assert.NotNull(FreshCode.Refusal(Operator(Now, withCode: false), 10_001, Now, Options));
    }

    [Fact]
    public void What_a_customer_moves_is_not_an_operators_action()
    {
        Assert.Null(FreshCode.Refusal(Operator(Now.AddDays(-1), withCode: false, role: "customer"), 1_000_000, Now, Options));
    }
}
