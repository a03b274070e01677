using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>Through the gateway, on the marketplace: a company applies to sell, operations certify one and refuse another [MP-01].</summary>
[Collection(MarketplaceCollection.Name)]
public sealed class SellerApplicationTests(MarketplacePlatform platform)
{
    public static object Application(string siret, string companyName = "Atelier Rhône & Fils SARL", string contactEmail = "claire@atelier-rhone.fr") => new
    {
        companyName, siret, address = "12 quai Saint-Antoine", postalCode = "69002", city = "Lyon", contactName = "Claire Dumas", contactEmail,
    };

    [Fact]
    public async Task A_company_applies_with_its_SIRET_ops_certify_it_and_it_is_a_certified_seller_another_is_refused_with_a_reason_MP_01()
    {
        using var applicant = await Accounts.NewCustomerAsync(platform.Gateway);
        using var someoneElse = await Accounts.NewCustomerAsync(platform.Gateway);
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        var company = "Atelier " + Guid.NewGuid().ToString("N")[..8];

        using var badKey = await applicant.PostAsJsonAsync("/api/catalog/sellers/applications", Application("73282932000075", company));
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.True((await badKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("siret", out _));

        using var applied = await applicant.PostAsJsonAsync("/api/catalog/sellers/applications", Application(Sellers.NewSiret(), company));
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var applicationId = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal("applied", (await applicant.GetFromJsonAsync<JsonElement>($"/api/catalog/sellers/applications/{applicationId}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await someoneElse.GetAsync($"/api/catalog/sellers/applications/{applicationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/catalog/sellers/applications/{applicationId}/decision",
            new { certify = true })).StatusCode);
        var waiting = await ops.GetFromJsonAsync<JsonElement>("/api/catalog/sellers/applications");
        Assert.Contains(waiting.EnumerateArray(), application => application.GetProperty("id").GetString() == applicationId);

        using var certified = await ops.PostAsJsonAsync($"/api/catalog/sellers/applications/{applicationId}/decision", new { certify = true });
        Assert.Equal(HttpStatusCode.OK, certified.StatusCode);
        var sellerId = (await certified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sellerId").GetString();
        Assert.Equal(true, await platform.ScalarAsync("catalogdb", "select (data ->> 'Certified')::boolean from mt_doc_seller where id = @p0", sellerId!));
        Assert.Equal(HttpStatusCode.Conflict, (await ops.PostAsJsonAsync($"/api/catalog/sellers/applications/{applicationId}/decision",
            new { certify = false, reason = "Trop tard" })).StatusCode);

        using var other = await someoneElse.PostAsJsonAsync("/api/catalog/sellers/applications", Application(Sellers.NewSiret(), "Société " + company));
        var otherId = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, (await ops.PostAsJsonAsync($"/api/catalog/sellers/applications/{otherId}/decision",
            new { certify = false })).StatusCode); // a refusal says why
        using var refused = await ops.PostAsJsonAsync($"/api/catalog/sellers/applications/{otherId}/decision",
            new { certify = false, reason = "L'extrait Kbis a plus de trois mois." });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var seen = await someoneElse.GetFromJsonAsync<JsonElement>($"/api/catalog/sellers/applications/{otherId}");
        Assert.Equal(("refused", "L'extrait Kbis a plus de trois mois."), (seen.GetProperty("status").GetString(), seen.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_company_that_sells_already_is_never_certified_again_its_suspension_and_its_people_stay_as_they_are_MP_01()
    {
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        var (ownerEmail, intruderEmail) = (Accounts.NewEmail(), Accounts.NewEmail());
        using var owner = await Accounts.NewCustomerAsync(platform.Gateway, ownerEmail);
        using var intruder = await Accounts.NewCustomerAsync(platform.Gateway, intruderEmail);
        var siret = Sellers.NewSiret();
        var company = "Faïencerie " + Guid.NewGuid().ToString("N")[..8];
        var first = await AppliedAsync(owner, Application(siret, company));
        var second = await AppliedAsync(intruder, Application(siret, company, "intrus@example.fr"));

        // Two applications of one company wait: ops are told on each.
        var waiting = (await ops.GetFromJsonAsync<JsonElement>("/api/catalog/sellers/applications")).EnumerateArray()
            .Where(application => application.GetProperty("id").GetString() is { } id && (id == first || id == second)).ToList();
        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, application => Assert.Contains(siret[..9], application.GetProperty("conflict").GetString(), StringComparison.Ordinal));

        using var certified = await ops.PostAsJsonAsync($"/api/catalog/sellers/applications/{first}/decision", new { certify = true });
        Assert.Equal(HttpStatusCode.OK, certified.StatusCode);
        var sellerId = (await certified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sellerId").GetString()!;
        using var seller = await Sellers.SignedInAsSellerAsync(platform.Gateway, ownerEmail, "Mot-de-passe-2026");
        Assert.Equal(HttpStatusCode.OK, (await ops.PostAsJsonAsync($"/api/catalog/sellers/{sellerId}/suspension", new { reason = "Contrefaçons." })).StatusCode);

        using var again = await ops.PostAsJsonAsync($"/api/catalog/sellers/applications/{second}/decision", new { certify = true });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(sellerId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        var stillWaiting = (await ops.GetFromJsonAsync<JsonElement>("/api/catalog/sellers/applications")).EnumerateArray()
            .Single(application => application.GetProperty("id").GetString() == second);
        Assert.Contains(sellerId, stillWaiting.GetProperty("conflict").GetString(), StringComparison.Ordinal);
        using var reapplied = await intruder.PostAsJsonAsync("/api/catalog/sellers/applications", Application(Sellers.NewSiretOf(siret[..9]), "Autre nom"));
        Assert.Equal(HttpStatusCode.Conflict, reapplied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ops.PostAsJsonAsync($"/api/catalog/sellers/applications/{second}/decision",
            new { certify = false, reason = "Cette société vend déjà ici." })).StatusCode);

        Assert.Equal("Contrefaçons.", (await seller.GetFromJsonAsync<JsonElement>("/api/catalog/seller")).GetProperty("suspensionReason").GetString());
        using var intruderAgain = await Accounts.SignedInAsync(platform.Gateway, intruderEmail, "Mot-de-passe-2026");
        Assert.Equal(HttpStatusCode.Forbidden, (await intruderAgain.GetAsync("/api/catalog/seller/products")).StatusCode);
    }

    private static async Task<string> AppliedAsync(HttpClient applicant, object application)
    {
        using var applied = await applicant.PostAsJsonAsync("/api/catalog/sellers/applications", application);
        Assert.True(applied.StatusCode == HttpStatusCode.Created, await applied.Content.ReadAsStringAsync());
        return (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
