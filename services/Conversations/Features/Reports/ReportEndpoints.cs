using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Conversations.Domain;
using OrderPlatform.Conversations.Features.Conversations;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Conversations.Features.Reports;

/// <param name="OrderId">The order an order problem is about (its reporter's).</param>
/// <param name="SellerId">Which of the order's sellers (when it has several); for misconduct, the seller it is about, if any.</param>
public sealed record ReportRequest(string? Kind, Guid? OrderId, string? SellerId, string? Text);

public sealed record ReportWords(string? Text);

/// <summary>
/// How long a seller has to answer an order problem before the platform takes it over, and its reporter to reply to the answer before the
/// answer settles it [MP-11].
/// </summary>
public sealed record ReportDeadlines(TimeSpan AnswerWithin, TimeSpan ScanInterval, TimeSpan ReplyWithin)
{
    public static ReportDeadlines From(IConfiguration configuration) => new(
        configuration.GetValue<TimeSpan?>("Reports:AnswerWithin") ?? TimeSpan.FromHours(48),
        configuration.GetValue<TimeSpan?>("Reports:ScanInterval") ?? TimeSpan.FromMinutes(1),
        configuration.GetValue<TimeSpan?>("Reports:ReplyWithin") ?? TimeSpan.FromDays(14));
}

/// <summary>
/// Reports on the marketplace [MP-11]: order problems go to the order's seller first, technical problems and misconduct to the platform;
/// each has a status, an owner and a history, and operations close it. A report is seen by its reporter, the seller it is for and
/// operations: to anyone else it does not exist (404). A shop without sellers does not map these routes:
/// claims and returns take its order problems.
/// </summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder reports)
    {
        reports.MapPost("/", OpenAsync).RequireAuthorization()
            .WithName("OpenReport")
            .WithSummary("Report an order problem (to the order's seller first), a technical problem or misconduct (to the platform) [MP-11]")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        reports.MapGet("/", ListAsync).RequireAuthorization()
            .WithName("ListReports").WithSummary("Reports I made, those for my seller, or for operations all by status (not closed by default) [MP-11]");
        reports.MapGet("/{reportId}", GetAsync).RequireAuthorization()
            .WithName("GetReport").WithSummary("A report with its status, owner and history (its reporter, its seller or operations) [MP-11]");
        reports.MapPost("/{reportId}/entries", WriteAsync).RequireAuthorization()
            .WithName("WriteInReport")
            .WithSummary("Add to a report: the seller's answer, the reporter's reply (it opens the report again for the seller), operations' word [MP-11]")
            .ProducesProblem(StatusCodes.Status409Conflict);
        reports.MapPost("/{reportId}/close", CloseAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("CloseReport").WithSummary("Operations close a report with what they did [MP-11]")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return reports;
    }

    private static async Task<Results<Created<Report>, ValidationProblem, ProblemHttpResult>> OpenAsync(ReportRequest request, ClaimsPrincipal user,
        HttpContext context, IDocumentSession session, BuyersOrders orders, ReportDeadlines deadlines, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Kind is null || !Report.Kinds.Contains(request.Kind))
        {
            errors["kind"] = [$"One of {string.Join(", ", Report.Kinds)}."];
        }
        else if (request.Kind == Report.OrderProblem && request.OrderId is null)
        {
            errors["orderId"] = ["An order problem names the order."];
        }

        if (ReportRules.WhyNotText(request.Text) is { } why)
        {
            errors["text"] = [why];
        }

        if (request.SellerId is { Length: > 100 })
        {
            errors["sellerId"] = ["A seller id is at most 100 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var reporterId = user.CustomerId()!.Value;
        ConversationSubject? subject = null;
        if (request.Kind == Report.OrderProblem)
        {
            var (aboutOrder, problem, refusal) = await orders.SubjectAsync(request.OrderId!.Value, request.SellerId, context, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            if (refusal is not null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sellerId"] = [refusal] });
            }

            subject = aboutOrder;
        }

        var now = time.GetUtcNow();
        var report = ReportRules.Open(Guid.CreateVersion7(now), request.Kind!, reporterId, subject, request.SellerId, request.Text!.Trim(), now,
            deadlines.AnswerWithin);
        session.Insert(report);
        session.Events.StartStream(report.Id, ReportRules.Changed(report));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/reports/{report.Id}", report);
    }

    private static async Task<Results<Ok<IReadOnlyList<Report>>, ValidationProblem>> ListAsync(ClaimsPrincipal user, IQuerySession session,
        CancellationToken cancellationToken, string? status = null)
    {
        if (status is not null && !Report.Statuses.Contains(status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of {string.Join(", ", Report.Statuses)}."] });
        }

        var query = session.Query<Report>().AsQueryable();
        query = status is null ? query.Where(report => report.Status != Report.Closed) : query.Where(report => report.Status == status);
        if (!user.IsOps())
        {
            var (reporterId, sellerId) = (user.CustomerId() ?? Guid.Empty, user.SellerId() ?? "");
            query = query.Where(report => report.ReporterId == reporterId || (report.Kind == Report.OrderProblem && report.SellerId == sellerId));
        }

        return TypedResults.Ok<IReadOnlyList<Report>>(await query.OrderBy(report => report.OpenedAt).Take(500).ToListAsync(cancellationToken));
    }

    private static async Task<Results<Ok<Report>, NotFound>> GetAsync(string reportId, ClaimsPrincipal user, IQuerySession session,
        CancellationToken cancellationToken) =>
        await VisibleAsync(session, reportId, user, cancellationToken) is ({ } report, _) ? TypedResults.Ok(report) : TypedResults.NotFound();

    private static async Task<Results<Ok<Report>, ValidationProblem, NotFound, ProblemHttpResult>> WriteAsync(string reportId, ReportWords words,
        ClaimsPrincipal user, IDocumentSession session, ReportDeadlines deadlines, TimeProvider time, CancellationToken cancellationToken)
    {
        if (ReportRules.WhyNotText(words.Text) is { } why)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [why] });
        }

        return await DecideAsync(session, reportId, user, (report, side) =>
            ReportRules.Write(report, side, user.CustomerId()!.Value, words.Text!.Trim(), time.GetUtcNow(), deadlines.AnswerWithin,
                deadlines.ReplyWithin), cancellationToken);
    }

    private static async Task<Results<Ok<Report>, ValidationProblem, NotFound, ProblemHttpResult>> CloseAsync(string reportId, ReportWords resolution,
        ClaimsPrincipal user, IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        if (ReportRules.WhyNotText(resolution.Text) is { } why)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["What was done: " + why] });
        }

        return await DecideAsync(session, reportId, user, (report, _) =>
            ReportRules.Close(report, user.CustomerId()!.Value, resolution.Text!.Trim(), time.GetUtcNow()), cancellationToken);
    }

    private static async Task<Results<Ok<Report>, ValidationProblem, NotFound, ProblemHttpResult>> DecideAsync(IDocumentSession session, string reportId,
        ClaimsPrincipal user, Func<Report, string, (Report? After, string? Refusal)> decide, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(reportId, out var id))
        {
            return TypedResults.NotFound();
        }

        // One change at a time: an answer and the escalation scan, or two operators closing it, do not overwrite each other.
        await AdvisoryLocks.LockAsync(session, ["report:" + id], cancellationToken);
        if (await VisibleAsync(session, reportId, user, cancellationToken) is not ({ } report, { } side))
        {
            return TypedResults.NotFound();
        }

        var (after, refusal) = decide(report, side);
        if (refusal is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal);
        }

        session.Store(after!);
        session.Events.Append(after!.Id, ReportRules.Changed(after));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(after);
    }

    private static async Task<(Report? Report, string? Side)> VisibleAsync(IQuerySession session, string reportId, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(reportId, out var id) || await session.LoadAsync<Report>(id, cancellationToken) is not { } report)
        {
            return (null, null);
        }

        var side = ReportRules.SideOf(report, user.CustomerId(), user.SellerId(), user.IsOps());
        return side is null ? (null, null) : (report, side);
    }
}
