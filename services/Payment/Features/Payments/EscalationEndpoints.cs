using OrderPlatform.Shops;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts;
using OrderPlatform.Payment.Domain;
using OrderPlatform.Payment.Psp;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Payment.Features.Payments;

/// <summary>A new card's token from the payment form, for an order whose payment could not be renewed.</summary>
public sealed record PayAgainRequest(string? Token);

/// <summary>
/// Payments that could not take the money they needed (a refused re-authorisation) and their ways out: the customer pays again with another
/// card through the link e-mailed to them, operations have the authorisation renewed once the bank agrees, or operations cancel the order
/// (Ordering) or the warehouse declares the rest missing (Shipping), which releases it.
/// </summary>
public static class EscalationEndpoints
{
    public static RouteGroupBuilder MapEscalations(this RouteGroupBuilder ops)
    {
        ops.MapGet("/escalated", async Task<Ok<IReadOnlyList<PaymentView>>> (IQuerySession session, CancellationToken cancellationToken) =>
                TypedResults.Ok<IReadOnlyList<PaymentView>>((await session.Query<Domain.Payment>()
                    .Where(payment => payment.Status == Domain.Payment.Escalated)
                    .OrderBy(payment => payment.RequestedAt).Take(500).ToListAsync(cancellationToken)).Select(PaymentView.Of).ToList()))
            .RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ListEscalatedPayments")
            .WithSummary("Payments whose lapsed authorisation could not be renewed: nothing more is captured, nothing ships until one is settled");
        ops.MapPost("/orders/{orderId:guid}/renewal", RenewAsync)
            .RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("RenewEscalatedPayment")
            .WithSummary("Ops: ask the PSP again to renew an escalated authorisation (the customer's bank agreed); renewed, the hold is lifted and what shipped is charged")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return ops;
    }

    public static RouteGroupBuilder MapPayAgain(this RouteGroupBuilder payments)
    {
        payments.MapPost("/orders/{orderId:guid}/authorisation", PayAgainAsync)
            .RequireAuthorization(PlatformAuthentication.Customer)
            .WithName("PayAgain")
            .WithSummary("The customer pays an escalated order again with another card (the link e-mailed to them): the new card holds what is still to be charged")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return payments;
    }

    private static async Task<Results<Ok<PaymentView>, NotFound, ProblemHttpResult>> RenewAsync(Guid orderId, IDocumentStore store, IPaymentProvider psp,
        PaymentSettlement settlement, PaymentPolicy policy, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        await AdvisoryLocks.LockAsync(session, ["renewal:" + orderId], cancellationToken);
        var stream = await PaymentStreams.FetchAsync(session, orderId, cancellationToken);
        if (stream.Aggregate is not { } payment)
        {
            return TypedResults.NotFound();
        }

        if (payment.Status != Domain.Payment.Escalated)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"This payment is {payment.Status}: it is not escalated.");
        }

        PspResult renewed;
        try
        {
            renewed = await psp.ReauthoriseAsync(payment.PspPaymentId!, $"reauthorise-ops-{payment.Id:N}-{time.GetUtcNow():yyyyMMddHHmm}", cancellationToken);
        }
        catch (PspRefusedException refused)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The PSP refused the renewal again.",
                detail: $"Its answer: {refused.Code}. The customer can pay again with another card, or the order can be cancelled.");
        }

        var now = time.GetUtcNow();
        stream.AppendMany(new AuthorisationRenewed(renewed.AuthorizationExpiresAt, now),
            new PaymentEscalationResolved(orderId, PaymentEscalationResolved.Renewed, now));
        await settlement.CaptureDueAfterEscalationAsync(stream, policy.Capture, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PaymentView.Of(PaymentSettlement.Folded(stream)));
    }

    private static async Task<Results<Ok<PaymentView>, NotFound, ValidationProblem, ProblemHttpResult>> PayAgainAsync(Guid orderId, PayAgainRequest request,
        ClaimsPrincipal user, IDocumentStore store, IPaymentProvider psp, PaymentSettlement settlement, PaymentPolicy policy, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        await AdvisoryLocks.LockAsync(session, ["renewal:" + orderId], cancellationToken);
        var stream = await PaymentStreams.FetchAsync(session, orderId, cancellationToken);
        if (stream.Aggregate is not { } payment || payment.CustomerId != user.CustomerId())
        {
            return TypedResults.NotFound(); // another customer's order does not exist for this one [ALL-05]
        }

        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 200 || PaymentMethods.NamesShopLedger(request.Token))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["The payment form's token for the new card."] });
        }

        if (PaymentDecisions.WhyNotPayAgain(payment) is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal);
        }

        // The same token asked twice (a double click) authorises once.
        var key = $"pay-again-{orderId:N}-{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.Token)))[..16]}";
        PspResult authorised;
        try
        {
            authorised = await psp.AuthoriseAsync(request.Token, payment.Uncaptured - payment.CreditUncaptured, orderId.ToString(), payment.CustomerId.ToString(),
                key, cancellationToken);
        }
        catch (PspRefusedException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["The payment form's token was refused: enter the card again."] });
        }

        if (authorised.DeclineCode is { } declined || (payment.Method == PaymentMethods.Card && !policy.CardBrands.Contains(authorised.Brand ?? "")))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This card was refused.",
                detail: $"The bank's answer: {authorised.DeclineCode ?? "card-brand-not-accepted"}. Try another card.");
        }

        try
        {
            await psp.VoidAsync(payment.PspPaymentId!, $"void-replaced-{payment.Id:N}", cancellationToken);
        }
        catch (PspRefusedException)
        {
            // Lapsed: the PSP holds nothing on the old card any more.
        }

        var now = time.GetUtcNow();
        stream.AppendMany(new AuthorisationReplaced(authorised.PaymentId, payment.PspPaymentId!, authorised.AuthorizedCents, authorised.AuthorizationExpiresAt,
                authorised.Brand, authorised.Last4, now),
            new PaymentEscalationResolved(orderId, PaymentEscalationResolved.PaidAgain, now));
        await settlement.CaptureDueAfterEscalationAsync(stream, policy.Capture, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PaymentView.Of(PaymentSettlement.Folded(stream)));
    }
}
