using Microsoft.Extensions.Http.Resilience;
using OrderPlatform.Shipping.Carriers.LaPoste;
using OrderPlatform.Shipping.Carriers.MondialRelay;

namespace OrderPlatform.Shipping.Carriers;

/// <summary>
/// The carriers Shipping speaks to, by the code orders carry; each over its own HTTP client and resilience
/// pipeline. Adapters are resolved per call, so long-lived scans never hold an HTTP client for ever.
/// </summary>
public sealed class CarrierDirectory(IServiceProvider services)
{
    public IReadOnlyCollection<string> Codes { get; } = [MondialRelayCarrier.Name, LaPosteCarrier.Name];

    public ICarrier? For(string? code) => code switch
    {
        MondialRelayCarrier.Name => services.GetRequiredService<MondialRelayCarrier>(),
        LaPosteCarrier.Name => services.GetRequiredService<LaPosteCarrier>(),
        _ => null,
    };

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MondialRelayOptions>(configuration.GetSection("Shipping:Carriers:MondialRelay"));
        services.Configure<LaPosteOptions>(configuration.GetSection("Shipping:Carriers:LaPoste"));
        Client<MondialRelayCarrier>(services);
        Client<LaPosteCarrier>(services);
        services.AddSingleton<CarrierDirectory>();
    }

    /// <summary>
    /// Carriers are slow and sometimes down: 10 s per attempt, retries with backoff, a circuit breaker, 30 s in all.
    /// A label booked twice after a lost answer is an unused label, not a lost parcel; the scan retries what failed.
    /// </summary>
    private static void Client<TCarrier>(IServiceCollection services) where TCarrier : class
    {
        // Its own pipeline (not the shared default one), so one carrier's outage never opens the other's circuit.
        // RemoveAllResilienceHandlers is marked experimental; it is the library's own way to replace the defaults' handler.
#pragma warning disable EXTEXP0001
        services.AddHttpClient<TCarrier>(client => client.Timeout = TimeSpan.FromSeconds(40))
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options =>
            {
                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(20);
                options.Retry.MaxRetryAttempts = 2;
            });
#pragma warning restore EXTEXP0001
    }
}
