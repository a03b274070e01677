extern alias accounts;
using accounts::OrderPlatform.Accounts.Domain;

namespace OrderPlatform.UnitTests.Accounts;

/// <summary>An operator's second factor: the codes their authenticator app shows, accepted once each, around now only.</summary>
public sealed class OneTimeCodesTests
{
    // RFC 6238's own test key ("12345678901234567890"), in the Base32 an authenticator app reads.
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 10, TimeSpan.Zero);

    [Fact]
    public void The_codes_are_those_of_RFC_6238_so_any_authenticator_app_shows_them()
    {
        Assert.Equal("287082", OneTimeCodes.At(RfcKey, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", OneTimeCodes.At(RfcKey, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
    }

    [Fact]
    public void A_code_of_now_or_one_step_either_side_is_accepted_and_names_its_step()
    {
        var step = Now.ToUnixTimeSeconds() / 30;

        Assert.Equal(step, OneTimeCodes.Accept(RfcKey, OneTimeCodes.At(RfcKey, Now), Now, []));
        Assert.Equal(step - 1, OneTimeCodes.Accept(RfcKey, OneTimeCodes.At(RfcKey, Now.AddSeconds(-30)), Now, []));
        Assert.Equal(step + 1, OneTimeCodes.Accept(RfcKey, OneTimeCodes.At(RfcKey, Now.AddSeconds(30)), Now, []));
        Assert.Equal(step, OneTimeCodes.Accept(RfcKey, " " + OneTimeCodes.At(RfcKey, Now)[..3] + " " + OneTimeCodes.At(RfcKey, Now)[3..], Now, []));
    }

    [Fact]
    public void An_old_a_future_a_malformed_or_another_keys_code_is_refused()
    {
        Assert.Null(OneTimeCodes.Accept(RfcKey, OneTimeCodes.At(RfcKey, Now.AddSeconds(-90)), Now, []));
        Assert.Null(OneTimeCodes.Accept(RfcKey, OneTimeCodes.At(RfcKey, Now.AddSeconds(90)), Now, []));
        Assert.Null(OneTimeCodes.Accept(RfcKey, OneTimeCodes.At(OneTimeCodes.NewKey(), Now), Now, []));
        Assert.Null(OneTimeCodes.Accept(RfcKey, null, Now, []));
        Assert.Null(OneTimeCodes.Accept(RfcKey, "12345", Now, []));
        Assert.Null(OneTimeCodes.Accept(RfcKey, "12345a", Now, []));
    }

    [Fact]
    public void A_code_signs_in_once_however_soon_it_is_typed_again()
    {
        var factor = new SecondFactor(Guid.NewGuid(), "sealed", Now, Now, []);
        var code = OneTimeCodes.At(RfcKey, Now);
        var step = OneTimeCodes.Accept(RfcKey, code, Now, factor.UsedSteps)!.Value;

        var used = factor.Taking(step);

        Assert.Null(OneTimeCodes.Accept(RfcKey, code, Now.AddSeconds(5), used.UsedSteps));
        Assert.Equal(step + 1, OneTimeCodes.Accept(RfcKey, OneTimeCodes.At(RfcKey, Now.AddSeconds(30)), Now.AddSeconds(5), used.UsedSteps));
    }

    [Fact]
    public void A_right_code_already_taken_is_told_apart_from_a_wrong_one_so_a_replay_is_not_counted_as_a_guess()
    {
        var step = Now.ToUnixTimeSeconds() / 30;

        Assert.True(OneTimeCodes.AlreadyUsed(RfcKey, OneTimeCodes.At(RfcKey, Now), Now, [step]));
        Assert.False(OneTimeCodes.AlreadyUsed(RfcKey, OneTimeCodes.At(RfcKey, Now), Now, []));
        Assert.False(OneTimeCodes.AlreadyUsed(RfcKey, OneTimeCodes.At(OneTimeCodes.NewKey(), Now), Now, [step]));
    }

    [Fact]
    public void Steps_too_old_to_be_accepted_again_are_forgotten()
    {
        var factor = new SecondFactor(Guid.NewGuid(), "sealed", Now, Now, [100, 101, 102]);

        Assert.Equal([101, 102, 103], factor.Taking(103).UsedSteps);
        Assert.Equal([110], factor.Taking(110).UsedSteps);
    }

    [Fact]
    public void A_new_key_is_160_random_bits_in_Base32_and_its_enrolment_address_names_the_issuer_and_account()
    {
        var key = OneTimeCodes.NewKey();

        Assert.Equal(32, key.Length);
        Assert.NotEqual(key, OneTimeCodes.NewKey());
        Assert.Equal($"otpauth://totp/OrderPlatform:ops%40exemple.fr?secret={key}&issuer=OrderPlatform&algorithm=SHA1&digits=6&period=30",
            OneTimeCodes.EnrolmentUri(key, "OrderPlatform", "ops@exemple.fr"));
    }
}
