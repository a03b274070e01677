using System.Linq.Expressions;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Ordering.Features.Orders;

/// <summary>One page of orders found, with how many match in all.</summary>
public sealed record OrderSearchPage(IReadOnlyList<OrderSearchRow> Items, long Total, int Page, int PageSize);

/// <summary>An order as the back office lists it: what an operator recognises it by.</summary>
public sealed record OrderSearchRow(Guid OrderId, string OrderNumber, string Status, DateTimeOffset StatusSince, long TotalCents, int Items,
    DateTimeOffset PlacedAt, string? CustomerName, string? Carrier)
{
    public static OrderSearchRow Of(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var address = order.BillingAddress ?? order.DeliveryAddress;
        var name = string.Join(' ', new[] { address?.FirstName, address?.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return new OrderSearchRow(order.Id, order.OrderNumber, order.Status, order.StatusSince, order.Amounts.TotalCents,
            order.Lines.Sum(line => line.Quantity), order.PlacedAt, name.Length > 0 ? name : null, order.Delivery?.Carrier);
    }
}

/// <summary>Operations look an order up by its number or its customer's name, narrowed by status, day placed and carrier; paged and sorted by the database.</summary>
public static class OrderSearchEndpoint
{
    public const int MaxPageSize = 100;
    // Beyond it (page − 1) × pageSize overflows the database's offset: a 400, not a 500.
    private const int MaxPage = 100_000;
    private static readonly string[] Sorts = ["placedAt", "-placedAt", "total", "-total", "status", "-status"];

    public static RouteGroupBuilder MapOrderSearch(this RouteGroupBuilder ops)
    {
        ops.MapGet("/search", SearchAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("SearchOrdersForOps")
            .WithSummary("Ops: orders whose number or customer's name contains q, by status, carrier and day placed (from/to, inclusive); sort placedAt, total or status (- for descending); paged")
            .ProducesValidationProblem();
        return ops;
    }

    private static async Task<Results<Ok<OrderSearchPage>, ValidationProblem>> SearchAsync(IQuerySession session, CancellationToken cancellationToken,
        string? q = null, string? status = null, string? carrier = null, DateOnly? from = null, DateOnly? to = null, string sort = "-placedAt",
        int page = 1, int pageSize = 25)
    {
        var errors = new Dictionary<string, string[]>();
        if (status is not null && !OrderStatus.All.Contains(status))
        {
            errors["status"] = [$"One of {string.Join(", ", OrderStatus.All)}."];
        }

        if (!Sorts.Contains(sort))
        {
            errors["sort"] = [$"One of {string.Join(", ", Sorts)}."];
        }

        if (page is < 1 or > MaxPage || pageSize is < 1 or > MaxPageSize)
        {
            errors["page"] = [$"page between 1 and {MaxPage}, pageSize between 1 and {MaxPageSize}."];
        }

        if (from is { } start && to is { } end && end < start)
        {
            errors["to"] = ["The last day is before the first."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = session.Query<Order>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(order => order.OrderNumber.Contains(text, StringComparison.OrdinalIgnoreCase)
                || order.BillingAddress!.LastName!.Contains(text, StringComparison.OrdinalIgnoreCase)
                || order.BillingAddress!.FirstName!.Contains(text, StringComparison.OrdinalIgnoreCase)
                || order.DeliveryAddress!.LastName!.Contains(text, StringComparison.OrdinalIgnoreCase)
                || order.DeliveryAddress!.FirstName!.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        if (status is not null)
        {
            query = query.Where(order => order.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(carrier))
        {
            query = query.Where(order => order.Delivery!.Carrier == carrier);
        }

        // Days are the shop's (Paris) days, as the back office shows them.
        if (from is { } first)
        {
            var since = DeliveryWindows.ParisMidnight(first);
            query = query.Where(order => order.PlacedAt >= since);
        }

        if (to is { } last)
        {
            var until = DeliveryWindows.ParisMidnight(last.AddDays(1));
            query = query.Where(order => order.PlacedAt < until);
        }

        var found = await Sorted(query, sort).ToPagedListAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(new OrderSearchPage(found.Select(OrderSearchRow.Of).ToList(), found.TotalItemCount, page, pageSize));
    }

    private static IQueryable<Order> Sorted(IQueryable<Order> query, string sort) => sort switch
    {
        "placedAt" => query.OrderBy(order => order.PlacedAt),
        "total" => query.OrderBy(order => order.Amounts.TotalCents).ThenByDescending(order => order.PlacedAt),
        "-total" => query.OrderByDescending(order => order.Amounts.TotalCents).ThenByDescending(order => order.PlacedAt),
        "status" => query.OrderBy(order => order.Status).ThenByDescending(order => order.PlacedAt),
        "-status" => query.OrderByDescending(order => order.Status).ThenByDescending(order => order.PlacedAt),
        _ => query.OrderByDescending(order => order.PlacedAt),
    };
}
