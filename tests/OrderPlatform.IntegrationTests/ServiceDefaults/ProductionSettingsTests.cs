extern alias notification;
extern alias payment;
extern alias shipping;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrderPlatform.IntegrationTests.ServiceDefaults;

/// <summary>
/// Outside Development a service whose real provider is not configured does not start: it names every setting missing, instead of
/// sending payments, e-mails or labels to sandboxes that are not there (issue 19).
/// </summary>
public sealed class ProductionSettingsTests
{
    [Fact]
    public void Payment_in_production_without_its_psp_stops_at_start_naming_the_setting() =>
        AssertStopsNaming<payment::Program>("Psp:BaseAddress");

    [Fact]
    public void Notification_in_production_without_its_smtp_relay_and_sms_provider_stops_at_start_naming_each_setting() =>
        AssertStopsNaming<notification::Program>("Notification:Smtp:Host", "Notification:Smtp:Port", "Notification:Sms:BaseAddress",
            "Notification:Sms:ApiKey", "Notification:FromAddress", "Notification:Storefront");

    [Fact]
    public void Shipping_in_production_without_its_carrier_accounts_stops_at_start_naming_each_setting() =>
        AssertStopsNaming<shipping::Program>("Shipping:Carriers:MondialRelay:Enseigne", "Shipping:Carriers:MondialRelay:PrivateKey",
            "Shipping:Carriers:LaPoste:ContractNumber", "Shipping:Carriers:LaPoste:OkapiKey");

    [Fact]
    public void Payment_in_production_with_its_psp_set_goes_past_that_check()
    {
        using var factory = new WebApplicationFactory<payment::Program>().WithWebHostBuilder(host => host
            .UseEnvironment("Production").UseSetting("Psp:BaseAddress", "https://psp.example"));

        // It stops later, on what this test does not give it (its database), not on the PSP.
        var error = Assert.ThrowsAny<Exception>(() => factory.Services).ToString();
        Assert.DoesNotContain("cannot start in Production", error, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:paymentdb is required", error, StringComparison.Ordinal);
    }

    private static void AssertStopsNaming<TProgram>(params string[] settings) where TProgram : class
    {
        using var factory = new WebApplicationFactory<TProgram>().WithWebHostBuilder(host => host.UseEnvironment("Production"));

        var error = Assert.ThrowsAny<Exception>(() => factory.Services).ToString();

        Assert.Contains("cannot start in Production", error, StringComparison.Ordinal);
        foreach (var setting in settings)
        {
            Assert.Contains($"{setting} (environment variable {setting.Replace(":", "__", StringComparison.Ordinal)})", error, StringComparison.Ordinal);
        }
    }
}
