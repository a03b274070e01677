using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderPlatform.Returns.Domain;
using OrderPlatform.Shops.Customers;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Returns.Features.Returns;

/// <param name="Withdrawal">The customer withdraws under French law (14 days from receipt), whatever the shop's returns policy says.</param>
public sealed record ReturnRequest(Guid? OrderId, IReadOnlyList<RequestedReturnLine>? Lines, string? RefundMethod, bool? Withdrawal);

public sealed record ReceptionRequest(IReadOnlyList<LineInspection>? Lines);

/// <summary>A return as its customer and operations see it.</summary>
public sealed record ReturnView(Guid ReturnId, string ReturnNumber, Guid OrderId, string OrderNumber, string Status, bool Withdrawal,
    IReadOnlyList<ReturnLine> Lines, string RefundMethod, string Carrier, long LabelCostCents, bool ReturnShippingRefunded, DateTimeOffset WindowEndsAt,
    DateTimeOffset RequestedAt, string? TrackingNumber, string? TrackingUrl, DateTimeOffset? ReceivedAt, IReadOnlyList<LineInspection>? Inspection,
    long RefundCents, DateTimeOffset? RefundDueBy, DateTimeOffset? RefundedAt)
{
    public static ReturnView Of(CustomerReturn r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ReturnView(r.Id, r.ReturnNumber, r.OrderId, r.OrderNumber, r.Status, r.Withdrawal, r.Lines, r.RefundMethod, r.Carrier, r.LabelCostCents,
            r.ReturnShippingRefunded, r.WindowEndsAt, r.RequestedAt, r.TrackingNumber, r.TrackingUrl, r.ReceivedAt, r.Inspection, r.RefundCents, r.RefundDueBy,
            r.RefundedAt);
    }
}

/// <summary>Returns from the customer account [FR-12]; no exchange: another size or colour is a new order [FR-16].</summary>
public static class ReturnEndpoints
{
    public static RouteGroupBuilder MapReturns(this RouteGroupBuilder returns)
    {
        returns.MapPost("/", RequestAsync).RequireAuthorization(PlatformAuthentication.Customer)
            .WithName("RequestReturn")
            .WithSummary("Return delivered lines within the shop's window, or withdraw within 14 days (withdrawal: true) [FR-12, FR-15, JI-07, MP-10]")
            .WithDescription("An optional Idempotency-Key header makes a retried request return the same return.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        returns.MapGet("/", ListMineAsync).RequireAuthorization(PlatformAuthentication.Customer)
            .WithName("ListMyReturns").WithSummary("My returns, newest first");
        returns.MapGet("/{returnId:guid}", GetAsync).RequireAuthorization()
            .WithName("GetReturn").WithSummary("A return: status, label, inspection, refund and its due date (its customer or ops) [FR-13]");
        returns.MapGet("/{returnId:guid}/authorisation", AuthorisationAsync).RequireAuthorization()
            .WithName("GetReturnAuthorisation").WithSummary("The printable return authorisation with its label, again at any time while the return is open [FR-18]")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);
        return returns;
    }

    private static async Task<Results<Created<ReturnView>, Ok<ReturnView>, NotFound, ValidationProblem, ProblemHttpResult>> RequestAsync(
        ReturnRequest request, ClaimsPrincipal user, IDocumentStore store, ReturnsPolicy policy, TimeProvider time, OrderNotYetKnown notYetKnown,
        HttpContext context, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (request.OrderId is not { } orderId || orderId == Guid.Empty)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["orderId"] = ["The order to return lines of."] });
        }

        var customerId = user.CustomerId() ?? Guid.Empty;
        var returnId = idempotencyKey is { Length: > 0 } key ? IdFor(customerId, key) : Guid.CreateVersion7();
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<ReturnableOrder>(orderId, cancellationToken);
            if (stream.Aggregate is not { } order)
            {
                return await notYetKnown.AnswerAsync(orderId, context, cancellationToken) is { } notYet ? notYet : TypedResults.NotFound();
            }

            if (order.CustomerId != customerId)
            {
                return TypedResults.NotFound();
            }

            if (order.Returns.Contains(returnId) && await session.LoadAsync<CustomerReturn>(returnId, cancellationToken) is { } existing)
            {
                return TypedResults.Ok(ReturnView.Of(existing));
            }

            var loyal = (await session.LoadAsync<KnownCustomer>(customerId, cancellationToken))?.LoyaltyMember == true;
            var decision = ReturnDecisions.Request(order, request.Lines ?? [], request.RefundMethod, request.Withdrawal == true, loyal, policy, returnId,
                time.GetUtcNow());
            if (decision.Invalid is { } invalid)
            {
                return TypedResults.ValidationProblem(invalid);
            }

            if (decision.Conflict is { } conflict)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This return cannot be accepted.", detail: conflict);
            }

            stream.AppendMany(decision.OrderEvents);
            session.Events.StartStream<CustomerReturn>(returnId, decision.ReturnEvents);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return TypedResults.Created($"/api/returns/{returnId}", ReturnView.Of(CustomerReturn.Create(decision.Requested!)));
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 3)
            {
                // Another return of this order, or a delivery, landed meanwhile: decide again on the newer order.
            }
        }
    }

    private static async Task<Ok<IReadOnlyList<ReturnView>>> ListMineAsync(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var customerId = user.CustomerId() ?? Guid.Empty;
        var mine = await session.Query<CustomerReturn>().Where(item => item.CustomerId == customerId).OrderByDescending(item => item.RequestedAt)
            .Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ReturnView>>(mine.Select(ReturnView.Of).ToList());
    }

    private static async Task<Results<Ok<ReturnView>, NotFound>> GetAsync(Guid returnId, ClaimsPrincipal user, IQuerySession session,
        CancellationToken cancellationToken) =>
        await session.LoadAsync<CustomerReturn>(returnId, cancellationToken) is { } found && (found.CustomerId == user.CustomerId() || user.IsOps())
            ? TypedResults.Ok(ReturnView.Of(found))
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> AuthorisationAsync(Guid returnId, ClaimsPrincipal user,
        IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<CustomerReturn>(returnId, cancellationToken) is not { } found || (found.CustomerId != user.CustomerId() && !user.IsOps()))
        {
            return TypedResults.NotFound();
        }

        if (!found.Open)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This return is closed.",
                detail: "The parcel was received and the return settled: there is nothing left to send.");
        }

        if (await session.LoadAsync<ReturnDocument>(returnId, cancellationToken) is { } document)
        {
            return TypedResults.File(document.Authorisation, "application/pdf", $"{found.ReturnNumber}.pdf");
        }

        // A label was booked but its printed documents are gone: erased with the customer's personal data [JI-15], never to come back.
        return found.TrackingNumber is not null
            ? TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "This return's authorisation was erased.",
                detail: "The customer's personal data was erased on request; the printed authorisation and label went with it.")
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The return label is being prepared.",
                detail: "The carrier has not given the label yet; try again in a moment.");
    }

    /// <summary>The same customer and key always name the same return, so a retried request finds the first one.</summary>
    private static Guid IdFor(Guid customerId, string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes($"return/{customerId:N}/{key}")).AsSpan(0, 16));
}
