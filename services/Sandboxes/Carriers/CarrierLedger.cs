using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

namespace OrderPlatform.Sandboxes.Carriers;

/// <summary>A parcel the sandbox carrier knows: created by a label request, moved by the control API.</summary>
public sealed record SandboxParcel(string TrackingNumber, string Carrier, string Product, string Reference, string? RelayId, string RecipientPostalCode,
    string RecipientCountry, DateTimeOffset CreatedAt, IReadOnlyList<SandboxParcelEvent> Events);

/// <summary>One step of a parcel in the carrier's own vocabulary: La Poste's code, or Mondial Relay's free text.</summary>
public sealed record SandboxParcelEvent(string Code, string Label, DateTimeOffset At, string? RelayId, string? Location);

/// <summary>A relay point or post office the sandbox carriers list; the same ids every run for a postal code.</summary>
public sealed record SandboxPickupPoint(string Id, string Name, string Line1, string PostalCode, string City, string Country, string Kind,
    double Latitude, double Longitude, int DistanceMeters);

/// <summary>
/// The sandbox carriers' memory: parcels by tracking number with their events, the credentials each
/// carrier expects (configuration, like the real ones' merchant accounts), and scripted outages.
/// </summary>
public sealed class CarrierLedger(TimeProvider time, IConfiguration configuration)
{
    public const string MondialRelay = "mondial-relay";
    public const string LaPoste = "la-poste";

    private readonly ConcurrentDictionary<string, SandboxParcel> parcels = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> outages = new();
    private readonly Lock gate = new();

    public DateTimeOffset Now => time.GetUtcNow();

    public string Setting(string key, string fallback) => configuration[$"Carriers:{key}"] is { Length: > 0 } value ? value : fallback;

    public SandboxParcel Create(string carrier, string product, string reference, string? relayId, string postalCode, string country)
    {
        var number = carrier == MondialRelay
            ? RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture)
            : (product is "A2P" or "BPR" ? "6H" : "6A") + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture)
              + RandomNumberGenerator.GetInt32(0, 100).ToString("D2", CultureInfo.InvariantCulture);
        var parcel = new SandboxParcel(number, carrier, product, reference, relayId, postalCode, country, Now, []);
        parcels[number] = parcel;
        return parcel;
    }

    public SandboxParcel? Parcel(string carrier, string trackingNumber) =>
        parcels.TryGetValue(trackingNumber, out var parcel) && parcel.Carrier == carrier ? parcel : null;

    public SandboxParcel? AddEvent(string carrier, string trackingNumber, SandboxParcelEvent @event)
    {
        lock (gate)
        {
            if (Parcel(carrier, trackingNumber) is not { } parcel)
            {
                return null;
            }

            var moved = parcel with { Events = [.. parcel.Events, @event] };
            parcels[trackingNumber] = moved;
            return moved;
        }
    }

    /// <summary>The next <paramref name="count"/> label requests to <paramref name="carrier"/> fail with 503: an outage.</summary>
    public void ScriptOutage(string carrier, int count) => outages[carrier] = count;

    public bool TakeOutage(string carrier)
    {
        lock (gate)
        {
            if (outages.GetValueOrDefault(carrier) is > 0 and var left)
            {
                outages[carrier] = left - 1;
                return true;
            }

            return false;
        }
    }

    /// <summary>Five points per postal code, stable across runs so a checkout can name one the tests found.</summary>
    public static IReadOnlyList<SandboxPickupPoint> PickupPoints(string carrier, string postalCode, string country)
    {
        var seed = postalCode.Aggregate(17, (hash, c) => (hash * 31) + c);
        var names = carrier == MondialRelay
            ? new[] { "Tabac de la Mairie", "Pressing Lumière", "Librairie du Centre", "Locker Gare", "Épicerie Saint-Jean" }
            : ["Bureau de poste Centre", "Relais Pickup Carrefour", "Bureau de poste Gare", "Consigne Pickup Station", "Tabac Presse Le Balto"];
        return names.Select((name, i) => new SandboxPickupPoint(
            carrier == MondialRelay ? ((Math.Abs(seed) % 90_000) + 10_000 + i).ToString("D6", CultureInfo.InvariantCulture)
                : ((Math.Abs(seed) % 900_000) + 100_000 + i).ToString(CultureInfo.InvariantCulture),
            name, $"{(i * 7) + 3} rue de la République", postalCode, "VILLE " + postalCode, country,
            carrier == MondialRelay ? (name.StartsWith("Locker", StringComparison.Ordinal) ? "LOCKER" : "24R") : (i % 2 == 0 ? "BPR" : "A2P"),
            48.85 + (i / 1000.0), 2.35 + (i / 1000.0), 150 + (i * 420))).ToList();
    }
}
