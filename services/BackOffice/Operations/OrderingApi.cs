using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;

namespace OrderPlatform.BackOffice.Operations;

public sealed record OrderSearch(string? Text, string? Status, string? Carrier, DateOnly? From, DateOnly? To, string Sort, int Page, int PageSize);

public sealed record OrderSearchPage(IReadOnlyList<OrderRow> Items, long Total, int Page, int PageSize);

public sealed record OrderRow(Guid OrderId, string OrderNumber, string Status, DateTimeOffset StatusSince, long TotalCents, int Items,
    DateTimeOffset PlacedAt, string? CustomerName, string? Carrier);

public sealed record StatusChange(string Status, DateTimeOffset At);

public sealed record OrderLine(string LineId, string Sku, string? ProductName, int Quantity, long UnitPriceCents, long DiscountCents, string Status,
    int ShippedQuantity);

public sealed record Parcel(Guid ShipmentId, string? Carrier, string? TrackingNumber, string? TrackingUrl, DateTimeOffset ShippedAt,
    DateTimeOffset? DeliveredAt, string Status);

public sealed record OrderDetail(Guid OrderId, string OrderNumber, string Status, IReadOnlyList<StatusChange> StatusHistory, IReadOnlyList<OrderLine> Lines,
    long ItemsCents, long ShippingFeeCents, long DiscountCents, long TotalCents, long CapturedCents, long RefundedCents, IReadOnlyList<Parcel> Shipments,
    DateTimeOffset PlacedAt, string? PaymentIssue);

public sealed record OperatorAction(Guid Id, DateTimeOffset At, Guid OperatorId, string? OperatorEmail, string Service, string Action, string? Reason,
    IReadOnlyList<string> Events, long? AmountCents, IReadOnlyList<string>? Subjects = null);

public sealed record OperatorTrailPage(IReadOnlyList<OperatorAction> Items, long Total);

/// <summary>An order waiting in its status longer than it should [ALL-07].</summary>
public sealed record StuckOrder(Guid OrderId, string OrderNumber, string Status, DateTimeOffset StatusSince, TimeSpan Waiting, TimeSpan Threshold);

/// <summary>Ordering's ops API: find orders, read one, and what operations do to it.</summary>
public sealed class OrderingApi(HttpClient http, AuthenticationStateProvider authentication) : OpsApi(http, authentication)
{
    public Task<Answer<OrderSearchPage>> SearchAsync(OrderSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var query = new Dictionary<string, string?>
        {
            ["q"] = search.Text, ["status"] = search.Status, ["carrier"] = search.Carrier,
            ["from"] = search.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = search.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["sort"] = search.Sort, ["page"] = search.Page.ToString(CultureInfo.InvariantCulture),
            ["pageSize"] = search.PageSize.ToString(CultureInfo.InvariantCulture),
        };
        var path = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/api/ops/orders/search",
            query.Where(pair => !string.IsNullOrWhiteSpace(pair.Value)));
        return SendAsync<OrderSearchPage>(HttpMethod.Get, path, null, cancellationToken);
    }

    public Task<Answer<OrderDetail>> OrderAsync(Guid orderId, CancellationToken cancellationToken) =>
        SendAsync<OrderDetail>(HttpMethod.Get, $"/api/orders/{orderId}", null, cancellationToken);

    public Task<Answer<OrderDetail>> HandOffNowAsync(Guid orderId, string reason, CancellationToken cancellationToken) =>
        SendAsync<OrderDetail>(HttpMethod.Post, $"/api/ops/orders/{orderId}/hand-off", null, cancellationToken, reason);

    public Task<Answer<OrderDetail>> CancelAsync(Guid orderId, string reason, CancellationToken cancellationToken) =>
        SendAsync<OrderDetail>(HttpMethod.Post, $"/api/ops/orders/{orderId}/cancellation", null, cancellationToken, reason);

    public Task<Answer<IReadOnlyDictionary<string, int>>> CountsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyDictionary<string, int>>(HttpMethod.Get, "/api/ops/orders/counts", null, cancellationToken);

    public Task<Answer<IReadOnlyList<StuckOrder>>> StuckAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<StuckOrder>>(HttpMethod.Get, "/api/ops/orders/stuck", null, cancellationToken);

    /// <summary>What operators did to this order in Ordering, newest first.</summary>
    public Task<Answer<OperatorTrailPage>> TrailAsync(Guid orderId, CancellationToken cancellationToken) =>
        SendAsync<OperatorTrailPage>(HttpMethod.Get, $"/api/ops/orders/audit?subject={orderId}", null, cancellationToken);
}
