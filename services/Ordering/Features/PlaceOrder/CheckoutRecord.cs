using System.Security.Cryptography;
using System.Text.Json;

namespace OrderPlatform.Ordering.Features.PlaceOrder;

/// <summary>
/// A checkout already done under a customer's idempotency key [ALL-06]: the same key and body get the
/// same order back, the same key with another body is refused.
/// </summary>
public sealed record CheckoutRecord(string Id, string Fingerprint, Guid OrderId, string OrderNumber, DateTimeOffset CreatedAt,
    Contracts.DeliveryWindow? EstimatedDelivery = null)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 100;

    public static string IdFor(Guid customerId, string key) => $"{customerId:N}/{key}";

    /// <summary>The body's hash, as the server understood it: formatting and property order in the JSON do not matter.</summary>
    public static string FingerprintOf(PlaceOrderRequest request) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request))).ToLowerInvariant();
}
