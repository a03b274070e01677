extern alias accounts;
using System.Security.Cryptography;
using accounts::OrderPlatform.Accounts.Security;
using Microsoft.Extensions.Configuration;

namespace OrderPlatform.UnitTests.Accounts;

public sealed class KeyRotationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly SigningKeyOptions Options = new() { RotateEvery = TimeSpan.FromDays(30), PublishAhead = TimeSpan.FromHours(1) };
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private static SigningKey Key(string id, DateTimeOffset signsFrom) => new(id, "sealed", signsFrom.AddHours(-1), signsFrom);

    [Fact]
    public void The_first_key_signs_at_once()
    {
        Assert.Equal(Now, KeyRotation.NextKeyDue([], Now, Options));
    }

    [Fact]
    public void The_next_key_is_made_an_hour_before_the_signer_is_due_and_signs_an_hour_later()
    {
        var signer = Key("a", Now.AddDays(-30).AddHours(1).AddMinutes(1));

        Assert.Null(KeyRotation.NextKeyDue([signer], Now, Options));
        Assert.Equal(Now.AddHours(1).AddMinutes(2), KeyRotation.NextKeyDue([signer], Now.AddMinutes(2), Options));
        Assert.Null(KeyRotation.NextKeyDue([signer, Key("b", Now.AddMinutes(30))], Now.AddMinutes(2), Options)); // one is already waiting
    }

    [Fact]
    public void A_published_key_signs_only_from_its_time_and_the_old_one_stays_published_until_its_last_token_has_expired()
    {
        var old = Key("a", Now.AddDays(-31));
        var next = Key("b", Now.AddMinutes(10));
        IReadOnlyList<SigningKey> keys = [old, next];

        Assert.Equal("a", KeyRotation.Signer(keys, Now.AddMinutes(9))!.Id);
        Assert.Equal("b", KeyRotation.Signer(keys, Now.AddMinutes(10))!.Id);
        Assert.Empty(KeyRotation.Expired(keys, Now.AddMinutes(10), TokenLifetime));
        Assert.Empty(KeyRotation.Expired(keys, Now.AddMinutes(24), TokenLifetime)); // a token signed by "a" at 9:09 is valid until 9:24
        Assert.Equal("a", Assert.Single(KeyRotation.Expired(keys, Now.AddMinutes(25), TokenLifetime)).Id);
    }

    [Fact]
    public void A_private_key_is_sealed_opens_only_with_its_protection_key_and_under_its_own_id()
    {
        var protector = Protector("une-cle-de-protection-de-plus-de-32-caracteres");
        var key = SigningKey.Create(protector, Now, Now);

        Assert.DoesNotContain("PRIVATE KEY", key.ProtectedPrivateKey, StringComparison.Ordinal);
        Assert.Equal(key.Id, key.ToSecurityKey(protector).KeyId);
        Assert.ThrowsAny<CryptographicException>(() => key.ToSecurityKey(Protector("une-autre-cle-de-protection-de-32-caracteres")));
        Assert.ThrowsAny<CryptographicException>(() => (key with { Id = "autre" }).ToSecurityKey(protector));
        Assert.Throws<InvalidOperationException>(() => Protector("courte"));
    }

    private static SecretSealer Protector(string secret) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [SecretSealer.Setting] = secret }).Build());
}
