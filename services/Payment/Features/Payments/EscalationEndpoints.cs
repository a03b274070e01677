using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Payment.Features.Payments;

public static class EscalationEndpoints
{
    /// <summary>Payments that could not take the money they needed (a refused re-authorisation): someone must call the customer.</summary>
    public static RouteGroupBuilder MapEscalations(this RouteGroupBuilder ops)
    {
        ops.MapGet("/escalated", async Task<Ok<IReadOnlyList<PaymentView>>> (IQuerySession session, CancellationToken cancellationToken) =>
                TypedResults.Ok<IReadOnlyList<PaymentView>>((await session.Query<Domain.Payment>()
                    .Where(payment => payment.Status == Domain.Payment.Escalated)
                    .OrderBy(payment => payment.RequestedAt).Take(500).ToListAsync(cancellationToken)).Select(PaymentView.Of).ToList()))
            .RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ListEscalatedPayments")
            .WithSummary("Payments whose lapsed authorisation could not be renewed: nothing was captured, the order must not ship");
        return ops;
    }
}
