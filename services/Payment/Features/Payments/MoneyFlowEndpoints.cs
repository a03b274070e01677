using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Payment.Features.Payments;

/// <summary>The day's money in euro cents, since midnight in Paris: authorised, captured and refunded.</summary>
public sealed record MoneyFlow(DateOnly Day, long AuthorisedCents, long CapturedCents, long RefundedCents, int Authorisations, int Captures, int Refunds);

public static class MoneyFlowEndpoints
{
    public static RouteGroupBuilder MapMoneyFlow(this RouteGroupBuilder ops)
    {
        ops.MapGet("/today", TodayAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("GetTodaysMoneyFlow").WithSummary("Authorised, captured and refunded today (Paris time), from Payment's own events");
        return ops;
    }

    private static async Task<Ok<MoneyFlow>> TodayAsync(IQuerySession session, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = DeliveryWindows.ParisDate(now);
        var since = now - TimeZoneInfo.ConvertTime(now, DeliveryWindows.Paris).TimeOfDay;
        var authorised = await session.Events.QueryRawEventDataOnly<PaymentAuthorized>().Where(e => e.AuthorizedAt >= since).ToListAsync(cancellationToken);
        var captured = await session.Events.QueryRawEventDataOnly<PaymentCaptured>().Where(e => e.CapturedAt >= since).ToListAsync(cancellationToken);
        var refunded = await session.Events.QueryRawEventDataOnly<PaymentRefunded>().Where(e => e.RefundedAt >= since).ToListAsync(cancellationToken);
        return TypedResults.Ok(new MoneyFlow(day, authorised.Sum(e => e.AmountCents), captured.Sum(e => e.AmountCents), refunded.Sum(e => e.AmountCents),
            authorised.Count, captured.Count, refunded.Count));
    }
}
