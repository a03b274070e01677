using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Messaging.Audit;

public sealed record OperatorTrailPage(IReadOnlyList<OperatorAction> Items, long Total, int Page, int PageSize);

/// <summary>The operators' trail of one service: newest first, for one subject (an order, a return, a seller…) or one operator.</summary>
public static class OperatorTrail
{
    private const int MaxPageSize = 200;
    // Beyond it (page − 1) × pageSize overflows the database's offset: a 400, not a 500.
    private const int MaxPage = 100_000;

    /// <summary>Each service answers for its own trail at <c>{prefix}/audit</c>, under a prefix the gateway routes to it.</summary>
    public static IEndpointRouteBuilder MapOperatorTrail(this IEndpointRouteBuilder app, string prefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(prefix + "/audit", ListAsync).RequireAuthorization(PlatformAuthentication.Ops).WithTags("Operations: audit")
            .WithName("ListOperatorActions")
            .WithSummary("Ops: what operators did in this service, newest first; subject narrows to one order, return, claim, seller…, operatorId to one person")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<Ok<OperatorTrailPage>, ValidationProblem>> ListAsync(IQuerySession session, CancellationToken cancellationToken,
        string? subject = null, Guid? operatorId = null, int page = 1, int pageSize = 50)
    {
        if (page is < 1 or > MaxPage || pageSize is < 1 or > MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = [$"page between 1 and {MaxPage}, pageSize between 1 and {MaxPageSize}."] });
        }

        var query = session.Query<OperatorAction>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(subject))
        {
            var named = subject.Trim();
            query = query.Where(action => action.Subjects.Contains(named));
        }

        if (operatorId is { } who)
        {
            query = query.Where(action => action.OperatorId == who);
        }

        var found = await query.OrderByDescending(action => action.At).ToPagedListAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(new OperatorTrailPage(found.ToList(), found.TotalItemCount, page, pageSize));
    }
}
