using System.Net;
using System.Text;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.UnitTests.Security;

/// <summary>
/// Tokens naming keys this service has not seen make it read Accounts' keys again: at most every 5 s per process, and a key id still
/// unknown in keys read after its token was issued is forged, refused without asking again for ten minutes.
/// </summary>
public sealed class FreshSigningKeysTests
{
    private const string Metadata = "http://accounts/.well-known/openid-configuration";
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private readonly Clock clock = new(Start);
    private readonly Accounts accounts = new();

    private FreshSigningKeys Keys() => new(accounts, clock, Metadata);

    [Fact]
    public async Task Forged_key_ids_are_remembered_and_the_keys_read_at_most_every_five_seconds()
    {
        var keys = Keys();

        await keys.GetAsync("forged-1", Start.AddMinutes(-1), CancellationToken.None);
        await keys.GetAsync("forged-2", Start.AddMinutes(-1), CancellationToken.None);
        clock.Now = Start.AddSeconds(4);
        await keys.GetAsync("forged-3", Start.AddMinutes(-1), CancellationToken.None);

        Assert.Equal((1, 2), (keys.Reads, accounts.Requests)); // discovery and JWKS, once
        Assert.True(keys.IsForged("forged-1") && keys.IsForged("forged-3"));
        Assert.False(keys.IsForged("accounts-key-1"));

        clock.Now = Start.AddSeconds(5);
        var read = await keys.GetAsync("accounts-key-1", Start, CancellationToken.None);
        Assert.Equal(2, keys.Reads);
        Assert.Equal(["accounts-key-1"], read.Select(key => key.KeyId));

        clock.Now = Start + FreshSigningKeys.ForgedFor + TimeSpan.FromSeconds(1);
        Assert.False(keys.IsForged("forged-1")); // forgotten in time: memory stays bounded
    }

    [Fact]
    public async Task A_token_issued_after_the_keys_were_read_has_them_read_again_a_second_later_at_most_and_is_forged_only_if_still_unknown()
    {
        var keys = Keys();
        await keys.GetAsync("accounts-key-1", Start, CancellationToken.None);

        clock.Now = Start.AddSeconds(0.5);
        await keys.GetAsync("accounts-key-2", Start.AddSeconds(0.4), CancellationToken.None); // newer than the read, but within a second of it
        Assert.Equal(1, keys.Reads);
        Assert.False(keys.IsForged("accounts-key-2")); // the keys it was checked against are older than it

        clock.Now = Start.AddSeconds(2);
        await keys.GetAsync("accounts-key-2", Start.AddSeconds(1.5), CancellationToken.None);
        Assert.Equal(2, keys.Reads);
        Assert.True(keys.IsForged("accounts-key-2")); // still unknown in keys read after it was issued
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Accounts' discovery document and JWKS, with one published key; every request counted.</summary>
    private sealed class Accounts : HttpMessageHandler, IHttpClientFactory
    {
        private const string Jwks = """{"keys":[{"kty":"RSA","kid":"accounts-key-1","use":"sig","alg":"RS256","n":"sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw","e":"AQAB"}]}""";

        public int Requests { get; private set; }

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            var body = request.RequestUri!.AbsolutePath.EndsWith("openid-configuration", StringComparison.Ordinal)
                ? """{"issuer":"orderplatform-accounts","jwks_uri":"http://accounts/.well-known/jwks"}"""
                : Jwks;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
