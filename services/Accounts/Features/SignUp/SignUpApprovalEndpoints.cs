using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Accounts.Features.SignUp;

/// <summary>A sign-up waiting for operations: who, since when, and why the automatic checks doubted it.</summary>
public sealed record PendingSignUp(Guid CustomerId, string Email, string? FirstName, string? LastName, string Doubt, DateTimeOffset SignedUpAt,
    DateTimeOffset RefusedUnlessDecidedBy);

public sealed record SignUpDecision(bool? Approve);

/// <summary>Operations approve or refuse the marketplace's doubtful sign-ups; approved, the confirmation e-mail goes out [MP-03].</summary>
public static class SignUpApprovalEndpoints
{
    public static RouteGroupBuilder MapSignUpApprovals(this RouteGroupBuilder ops)
    {
        var signUps = ops.MapGroup("/sign-ups").RequireAuthorization(PlatformAuthentication.Ops);
        signUps.MapGet("", ListAsync).WithName("ListPendingSignUps").WithSummary("Sign-ups waiting for approval, oldest first, with why they were doubted [MP-03]");
        signUps.MapPost("/{customerId}/decision", DecideAsync).WithName("DecideSignUp")
            .WithSummary("Approve a sign-up (its confirmation e-mail goes out) or refuse it (the account is removed) [MP-03]")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return ops;
    }

    private static async Task<Ok<IReadOnlyList<PendingSignUp>>> ListAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var waiting = await session.Query<Customer>().Where(customer => customer.AwaitingApproval != null).OrderBy(customer => customer.CreatedAt).Take(500)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PendingSignUp>>(waiting.Select(customer => new PendingSignUp(customer.Id, customer.Email, customer.FirstName,
            customer.LastName, customer.AwaitingApproval!, customer.CreatedAt, customer.CreatedAt + SignUpApproval.DecideWithin)).ToList());
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DecideAsync(string customerId, SignUpDecision decision,
        IDocumentSession session, CancellationToken cancellationToken)
    {
        if (decision.Approve is not { } approve)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["approve"] = ["true to approve the sign-up, false to refuse it."] });
        }

        if (!Guid.TryParse(customerId, out var id))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No sign-up waits with this id.");
        }

        // Two operators deciding at once: the second finds it decided.
        await AdvisoryLocks.LockAsync(session, ["sign-up:" + id], cancellationToken);
        if (await session.LoadAsync<Customer>(id, cancellationToken) is not { AwaitingApproval: not null } waiting)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No sign-up waits with this id (already decided?).");
        }

        if (approve)
        {
            session.Store(waiting with { AwaitingApproval = null });
            session.Events.StartStream(waiting.Id, waiting.Registered());
        }
        else
        {
            session.Delete(waiting);
        }

        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary>A sign-up operations left undecided for 30 days is refused: the account is removed [MP-03].</summary>
public sealed class PendingSignUpExpiry(IDocumentStore store, TimeProvider time, ILogger<PendingSignUpExpiry> logger) : DeadlineScan(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string What => "sign-ups left undecided, refused";

    protected override Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken) => RefuseExpiredAsync(store, now, cancellationToken);

    public static async Task<int> RefuseExpiredAsync(IDocumentStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var session = store.LightweightSession();
        var signedUpBefore = now - SignUpApproval.DecideWithin;
        var expired = (await session.Query<Customer>().Where(customer => customer.AwaitingApproval != null && customer.CreatedAt <= signedUpBefore)
            .Take(500).ToListAsync(cancellationToken)).Where(customer => SignUpApproval.Expired(customer, now)).ToList();
        foreach (var customer in expired)
        {
            session.Delete(customer);
        }

        await session.SaveChangesAsync(cancellationToken);
        return expired.Count;
    }
}
