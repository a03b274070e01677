using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Payment.Psp;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Payment.Features.Payments;

/// <summary>A payment the PSP holds money for, with no order of ours behind it [JI-04].</summary>
public sealed record OrphanPayment(string PspPaymentId, string Reference, string Status, long AuthorizedCents, long CapturedCents, long RefundedCents,
    DateTimeOffset CreatedAt);

/// <summary>
/// Reconciliation for support [JI-04]: "the bank shows a payment but no order appears". Payments the
/// PSP holds money for, older than a grace period (an order may still be on its way), whose reference
/// is no order Payment knows; and the way to give the money back.
/// </summary>
public static class OrphanEndpoints
{
    public static RouteGroupBuilder MapOrphanPayments(this RouteGroupBuilder ops)
    {
        ops.MapGet("/orphans", ListAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ListOrphanPayments").WithSummary("Payments the PSP holds with no matching order, past the grace period [JI-04]");
        ops.MapPost("/orphans/{pspPaymentId}/refund", RefundAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("RefundOrphanPayment").WithSummary("Give an orphan payment's money back: release what is held, refund what was taken [JI-04]");
        return ops;
    }

    public static async Task<IReadOnlyList<OrphanPayment>> FindAsync(IPaymentProvider psp, IQuerySession session, DateTimeOffset before,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(psp);
        ArgumentNullException.ThrowIfNull(session);
        var holding = (await psp.LedgerAsync(cancellationToken))
            .Where(entry => entry.CreatedAt < before && entry.Status is not ("declined" or "voided" or "refunded"))
            .ToList();
        var references = holding.Select(entry => Guid.TryParse(entry.Reference, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var known = (await session.LoadManyAsync<Domain.Payment>(cancellationToken, references)).Select(payment => payment.Id.ToString()).ToHashSet();
        return holding.Where(entry => !known.Contains(entry.Reference))
            .Select(entry => new OrphanPayment(entry.Id, entry.Reference, entry.Status, entry.AuthorizedCents, entry.CapturedCents, entry.RefundedCents,
                entry.CreatedAt))
            .ToList();
    }

    private static async Task<Results<Ok<IReadOnlyList<OrphanPayment>>, ProblemHttpResult>> ListAsync(
        IPaymentProvider psp, IQuerySession session, TimeProvider time, IConfiguration configuration, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await FindAsync(psp, session, time.GetUtcNow() - GracePeriod(configuration), cancellationToken));
        }
        catch (PspUnavailableException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The PSP cannot be reached to reconcile right now.");
        }
    }

    private static async Task<Results<Ok<OrphanPayment>, NotFound, ProblemHttpResult>> RefundAsync(
        string pspPaymentId, IPaymentProvider psp, IQuerySession session, TimeProvider time, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var orphans = await FindAsync(psp, session, time.GetUtcNow() - GracePeriod(configuration), cancellationToken);
        if (orphans.FirstOrDefault(orphan => orphan.PspPaymentId == pspPaymentId) is not { } orphan)
        {
            return TypedResults.NotFound();
        }

        PspResult? result = null;
        if (orphan.CapturedCents - orphan.RefundedCents is > 0 and var refund)
        {
            result = await psp.RefundAsync(orphan.PspPaymentId, refund, $"orphan-refund-{orphan.PspPaymentId}", cancellationToken);
        }

        if (orphan.AuthorizedCents > orphan.CapturedCents)
        {
            result = await psp.VoidAsync(orphan.PspPaymentId, $"orphan-void-{orphan.PspPaymentId}", cancellationToken);
        }

        return result is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing is held for this payment any more.")
            : TypedResults.Ok(orphan with { Status = result.Status, AuthorizedCents = result.AuthorizedCents, RefundedCents = result.RefundedCents });
    }

    private static TimeSpan GracePeriod(IConfiguration configuration) =>
        configuration.GetValue<TimeSpan?>("Payment:OrphanGracePeriod") ?? TimeSpan.FromMinutes(30);
}
