using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Accounts through the gateway: sign-up, sign-in, profile, and the gateway's and services' own checks.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AccountsTests(PlatformFixture platform)
{
    private readonly HttpClient gateway = platform.Gateway;

    [Fact]
    public async Task Sign_up_needs_only_an_email_and_a_password_and_gives_a_customer_number_MP_03()
    {
        using var response = await gateway.PostAsJsonAsync("/api/accounts", new { email = Accounts.NewEmail(), password = "Mot-de-passe-2026" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches("^C[0-9]{8}$", body.GetProperty("customerNumber").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("customerId").GetString(), out _));
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_is_a_409_whatever_its_case()
    {
        var email = Accounts.NewEmail();
        using var first = await gateway.PostAsJsonAsync("/api/accounts", new { email, password = "Mot-de-passe-2026" });
        using var second = await gateway.PostAsJsonAsync("/api/accounts", new { email = email.ToUpperInvariant(), password = "Mot-de-passe-2026" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bad_email_or_a_weak_password_is_refused_naming_the_fields()
    {
        using var response = await gateway.PostAsJsonAsync("/api/accounts", new { email = "pas-un-email", password = "court" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_answer()
    {
        var email = Accounts.NewEmail();
        (await gateway.PostAsJsonAsync("/api/accounts", new { email, password = "Mot-de-passe-2026" })).Dispose();

        using var wrongPassword = await gateway.PostAsJsonAsync("/api/accounts/token", new { email, password = "Autre-mot-2026" });
        using var unknownEmail = await gateway.PostAsJsonAsync("/api/accounts/token", new { email = Accounts.NewEmail(), password = "Autre-mot-2026" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Equal(await wrongPassword.Content.ReadAsStringAsync().ContinueWith(t => Title(t.Result)),
            await unknownEmail.Content.ReadAsStringAsync().ContinueWith(t => Title(t.Result)));
    }

    [Fact]
    public async Task A_customer_changes_name_email_phone_and_addresses_at_any_time_MP_04_JI_14()
    {
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var newEmail = Accounts.NewEmail();

        using var change = await customer.PutAsJsonAsync("/api/accounts/me", new
        {
            email = newEmail,
            lastName = "Durand",
            phone = "+33 6 12 34 56 78",
            addresses = new[] { new { kind = "delivery", line1 = "12 rue de la Paix", postalCode = "75002", city = "Paris", country = "FR" } },
        });
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);

        var profile = await customer.GetFromJsonAsync<JsonElement>("/api/accounts/me");
        Assert.Equal(newEmail, profile.GetProperty("email").GetString());
        Assert.Equal("Camille", profile.GetProperty("firstName").GetString());
        Assert.Equal("Durand", profile.GetProperty("lastName").GetString());
        Assert.Equal("Paris", profile.GetProperty("addresses")[0].GetProperty("city").GetString());
        Assert.False(string.IsNullOrEmpty(await Accounts.TokenAsync(gateway, newEmail, "Mot-de-passe-2026")));
    }

    [Fact]
    public async Task An_address_with_missing_fields_is_refused_naming_them()
    {
        using var customer = await Accounts.NewCustomerAsync(gateway);

        using var change = await customer.PutAsJsonAsync("/api/accounts/me", new { addresses = new[] { new { kind = "maison", line1 = "", city = "Paris", country = "XX" } } });

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        var errors = (await change.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in (string[])["addresses[0].kind", "addresses[0].line1", "addresses[0].postalCode", "addresses[0].country"])
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Ordering_needs_an_account_FR_01()
    {
        using var response = await gateway.PostAsJsonAsync("/api/orders", new { lines = new[] { new { sku = "X", quantity = 1 } } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_or_tampered_token_is_stopped_at_the_gateway()
    {
        using var customer = await Accounts.NewCustomerAsync(gateway);
        var token = customer.DefaultRequestHeaders.Authorization!.Parameter!;
        var tampered = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/accounts/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tampered);

        using var response = await gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_customer_never_sees_another_customers_order_ALL_05()
    {
        using var alice = await Accounts.NewCustomerAsync(gateway);
        using var bob = await Accounts.NewCustomerAsync(gateway);
        using var placed = await Checkout.PlaceAsync(alice, Checkout.Body("FEMME-ROBE-D-ETE-FLEURIE-NOIR-S"));
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString();

        using var asAlice = await alice.GetAsync($"/api/orders/{orderId}");
        using var asBob = await bob.GetAsync($"/api/orders/{orderId}");

        Assert.Equal(HttpStatusCode.OK, asAlice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asBob.StatusCode);
    }

    [Fact]
    public async Task Operations_views_need_an_ops_token()
    {
        using var customer = await Accounts.NewCustomerAsync(gateway);
        using var ops = await Accounts.OpsAsync(gateway);
        var path = $"/api/payments/orders/{Guid.NewGuid()}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ops.GetAsync(path)).StatusCode);
    }

    private static string? Title(string problem) => JsonDocument.Parse(problem).RootElement.GetProperty("title").GetString();
}

/// <summary>Guessing passwords gets slow: after five wrong ones, the address waits, even with the right one.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SignInThrottleTests(PlatformFixture platform)
{
    [Fact]
    public async Task Repeated_wrong_passwords_are_throttled_with_retry_after()
    {
        var email = Accounts.NewEmail();
        (await platform.Gateway.PostAsJsonAsync("/api/accounts", new { email, password = "Mot-de-passe-2026" })).Dispose();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await platform.Gateway.PostAsJsonAsync("/api/accounts/token", new { email, password = $"Mauvais-{i}-2026" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var throttled = await platform.Gateway.PostAsJsonAsync("/api/accounts/token", new { email, password = "Mot-de-passe-2026" });

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>GDPR erasure: nothing that names the person stays in Accounts, not even in its event store [JI-15].</summary>
[Collection(PlatformCollection.Name)]
public sealed class ErasureTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_erased_account_leaves_no_personal_data_and_cannot_sign_in_JI_15()
    {
        var email = Accounts.NewEmail();
        (await platform.Gateway.PostAsJsonAsync("/api/accounts", new { email, password = "Mot-de-passe-2026", firstName = "Effacée", phone = "0612345678" })).Dispose();
        using var customer = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        customer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.TokenAsync(platform.Gateway, email, "Mot-de-passe-2026"));

        using var erased = await customer.DeleteAsync("/api/accounts/me");

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync("/api/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await platform.Gateway.PostAsJsonAsync("/api/accounts/token", new { email, password = "Mot-de-passe-2026" })).StatusCode);

        foreach (var table in (string[])["mt_doc_customer", "mt_events", "mt_doc_signinfailures"])
        {
            var found = await platform.ScalarAsync("accountsdb",
                $"select count(*) from {table} where data::text ilike @p0 or data::text like '%0612345678%' or data::text like '%Effac%'", "%" + email + "%");
            Assert.True((long)found! == 0, $"{table} still holds the erased person's data");
        }
    }
}

/// <summary>Forgotten password, by e-mail link: single use, expiring, no account enumeration [FR-31, JI-16, MP-05].</summary>
[Collection(PlatformCollection.Name)]
public sealed class PasswordResetTests(PlatformFixture platform)
{
    [Fact]
    public async Task Asking_for_a_reset_answers_the_same_whether_or_not_the_account_exists()
    {
        var email = Accounts.NewEmail();
        (await platform.Gateway.PostAsJsonAsync("/api/accounts", new { email, password = "Mot-de-passe-2026" })).Dispose();

        using var known = await platform.Gateway.PostAsJsonAsync("/api/accounts/password-reset", new { email });
        using var unknown = await platform.Gateway.PostAsJsonAsync("/api/accounts/password-reset", new { email = Accounts.NewEmail() });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_emailed_token_is_stored_nowhere_sets_a_new_password_once_and_is_then_spent_FR_31()
    {
        var email = Accounts.NewEmail();
        using var signUp = await platform.Gateway.PostAsJsonAsync("/api/accounts", new { email, password = "Mot-de-passe-2026" });
        var customerId = (await signUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetString()!;
        (await platform.Gateway.PostAsJsonAsync("/api/accounts/password-reset", new { email })).Dispose();
        // The link in the captured e-mail carries the token [FR-31].
        var mail = await Mailbox.WaitAsync(platform.Sandboxes, email, "mot de passe");
        var link = System.Text.RegularExpressions.Regex.Match(mail.GetProperty("text").GetString()!, @"token=([^\s]+)");
        var token = Uri.UnescapeDataString(link.Groups[1].Value);
        Assert.True(token.Length >= 40, token);
        Assert.Contains($"/mot-de-passe/nouveau?token={token}", mail.GetProperty("html").GetString(), StringComparison.Ordinal);
        // Live, the token is in the e-mail only: no database of the platform holds it (the event holds the reset's id).
        Assert.NotEqual(Guid.Empty, await EmailedResetIdAsync(customerId));
        foreach (var database in await platform.DatabasesAsync())
        {
            Assert.Empty(await platform.TablesContainingAsync(database, token));
        }

        using var confirmed = await platform.Gateway.PostAsJsonAsync("/api/accounts/password-reset/confirm", new { token, newPassword = "Nouveau-mot-2026" });
        using var reused = await platform.Gateway.PostAsJsonAsync("/api/accounts/password-reset/confirm", new { token, newPassword = "Encore-autre-2026" });

        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.True((await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("token", out _));
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await platform.Gateway.PostAsJsonAsync("/api/accounts/token", new { email, password = "Mot-de-passe-2026" })).StatusCode);
        Assert.False(string.IsNullOrEmpty(await Accounts.TokenAsync(platform.Gateway, email, "Nouveau-mot-2026")));
        Assert.Equal(Guid.Empty, await EmailedResetIdAsync(customerId)); // masked in the event store once used
    }

    private async Task<Guid> EmailedResetIdAsync(string customerId) => Guid.Parse((string)(await platform.ScalarAsync("accountsdb",
        "select data ->> 'ResetId' from mt_events where type = 'password_reset_requested' and data ->> 'CustomerId' = @p0 order by seq_id desc limit 1",
        customerId))!);
}

/// <summary>Every newsletter's unsubscribe link works without signing in, protected by its token [FR-32].</summary>
[Collection(PlatformCollection.Name)]
public sealed class NewsletterTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_unsubscribe_link_works_without_signing_in_and_only_with_its_token_FR_32()
    {
        var email = Accounts.NewEmail();
        using var signUp = await platform.Gateway.PostAsJsonAsync("/api/accounts", new { email, password = "Mot-de-passe-2026", newsletter = true });
        var customerId = (await signUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetString()!;
        var token = await LinkTokenAsync(customerId); // what the newsletter's link carries
        using var customer = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        customer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.TokenAsync(platform.Gateway, email, "Mot-de-passe-2026"));
        Assert.True((await customer.GetFromJsonAsync<JsonElement>("/api/accounts/me")).GetProperty("newsletter").GetBoolean());

        using var unsubscribed = await platform.Gateway.GetAsync($"/api/newsletter/unsubscribe?token={Uri.EscapeDataString(token)}");
        using var again = await platform.Gateway.GetAsync($"/api/newsletter/unsubscribe?token={Uri.EscapeDataString(token)}");
        using var forged = await platform.Gateway.GetAsync("/api/newsletter/unsubscribe?token=pas-le-bon-jeton");
        using var missing = await platform.Gateway.GetAsync("/api/newsletter/unsubscribe");

        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.False((await customer.GetFromJsonAsync<JsonElement>("/api/accounts/me")).GetProperty("newsletter").GetBoolean());
    }

    private async Task<string> LinkTokenAsync(string customerId) => (string)(await platform.ScalarAsync("accountsdb",
        "select data ->> 'UnsubscribeToken' from mt_events where type = 'customer_registered' and data ->> 'CustomerId' = @p0", customerId))!;
}
