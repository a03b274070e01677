using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Returns.Domain;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Returns.Features.Returns;

/// <summary>The warehouse receives and inspects returns; operations watch the refunds falling due [FR-13].</summary>
public static class ReceptionEndpoints
{
    public static RouteGroupBuilder MapReception(this RouteGroupBuilder returns)
    {
        returns.MapPost("/{returnId:guid}/reception", ReceiveAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ReceiveReturn")
            .WithSummary("Warehouse: the parcel arrived; accept or refuse each line with a note; accepted lines are refunded within 14 days [FR-13, FR-15, FR-17]")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return returns;
    }

    public static RouteGroupBuilder MapReturnOperations(this RouteGroupBuilder ops)
    {
        ops.MapGet("/refunds-due", RefundsDueAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ListReturnRefundsDue").WithSummary("Refunds not yet confirmed, due within the given days or overdue, soonest first [FR-13]");
        ops.MapGet("/awaiting", AwaitingAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ListReturnsAwaitingParcel")
            .WithSummary("Returns whose parcel the warehouse still awaits, oldest first; q narrows to a return's or an order's number");
        return ops;
    }

    private static async Task<Ok<IReadOnlyList<ReturnView>>> AwaitingAsync(IQuerySession session, CancellationToken cancellationToken, string? q = null)
    {
        var query = session.Query<CustomerReturn>()
            .Where(item => item.Status == CustomerReturn.Authorised || item.Status == CustomerReturn.AwaitingLabel);
        if (q?.Trim().ToUpperInvariant() is { Length: > 0 } number)
        {
            query = query.Where(item => item.ReturnNumber == number || item.OrderNumber == number);
        }

        var awaiting = await query.OrderBy(item => item.RequestedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ReturnView>>(awaiting.Select(ReturnView.Of).ToList());
    }

    /// <summary>Receives the return: the warehouse's, or (for its own items on the marketplace) the seller's [MP-10].</summary>
    public static async Task<Results<Ok<ReturnView>, NotFound, ValidationProblem, ProblemHttpResult>> ReceiveAsync(Guid returnId, ReceptionRequest request,
        IDocumentStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<CustomerReturn>(returnId, cancellationToken);
            if (stream.Aggregate is not { } customerReturn)
            {
                return TypedResults.NotFound();
            }

            var (events, invalid, conflict) = ReturnDecisions.Receive(customerReturn, request.Lines ?? [], time.GetUtcNow());
            if (invalid is not null)
            {
                return TypedResults.ValidationProblem(invalid);
            }

            if (conflict is not null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This return cannot be received.", detail: conflict);
            }

            stream.AppendMany(events);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(ReturnView.Of(events.Aggregate(customerReturn, (state, @event) => state.Next(@event))));
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 3)
            {
                // The carrier's label (or its tracking) landed on the return meanwhile: decide again on the newer return.
            }
            catch (JasperFx.ConcurrencyException)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This return changed meanwhile.", detail: "Read it again and retry.");
            }
        }
    }

    private static async Task<Ok<IReadOnlyList<ReturnView>>> RefundsDueAsync(IQuerySession session, TimeProvider time, CancellationToken cancellationToken,
        int withinDays = 3)
    {
        var horizon = time.GetUtcNow().AddDays(Math.Clamp(withinDays, 0, 60));
        var due = await session.Query<CustomerReturn>()
            .Where(item => item.Status == CustomerReturn.RefundPending && item.RefundDueBy <= horizon)
            .OrderBy(item => item.RefundDueBy).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ReturnView>>(due.Select(ReturnView.Of).ToList());
    }
}
