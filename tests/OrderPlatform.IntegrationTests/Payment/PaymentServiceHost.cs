extern alias payment;
extern alias sandboxes;

using OrderPlatform.Shops;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.ServiceDefaults;
using payment::OrderPlatform.Payment;
using payment::OrderPlatform.Payment.Features.Payments;
using payment::OrderPlatform.Payment.Features.Sellers;
using payment::OrderPlatform.Payment.Psp;
using sandboxes::OrderPlatform.Sandboxes.Psp;

namespace OrderPlatform.IntegrationTests.Payment;

/// <summary>Payment's consumers as the service runs them, for one preset, against the Sandboxes' PSP served over HTTP on a free port.</summary>
public sealed class PaymentServiceHost : IAsyncDisposable
{
    private PaymentServiceHost(WebApplication psp, TestService service) => (Psp, Service) = (psp, service);

    public WebApplication Psp { get; }

    public TestService Service { get; }

    public PspLedger Ledger => Psp.Services.GetRequiredService<PspLedger>();

    public static async Task<PaymentServiceHost> StartAsync(string preset, string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(TimeProvider.System).AddSingleton<PspLedger>().AddProblemDetails();
        var psp = builder.Build();
        psp.MapPsp();
        await psp.StartAsync();

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Psp:BaseAddress"] = psp.Urls.First() }).Build();
        var infrastructure = await TestInfrastructure.GetAsync();
        var service = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName(name)),
            await infrastructure.CreateVirtualHostAsync(TestInfrastructure.UniqueName(name)),
            bus => bus.AddPaymentConsumers(),
            PaymentStorage.Configure,
            services =>
            {
                services.AddSingleton(PaymentPolicy.For(ShopProfiles.Load(preset))).AddSingleton<PaymentSettlement>().AddSingleton<SellerCommissions>()
                    .AddSingleton<SellerRefunds>();
                services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
                PaymentProviders.Register(services, configuration);
            });
        return new PaymentServiceHost(psp, service);
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await Psp.DisposeAsync();
    }
}
