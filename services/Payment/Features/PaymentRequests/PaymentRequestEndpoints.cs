using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Payment.Features.PaymentRequests;

public static class PaymentRequestEndpoints
{
    public static RouteGroupBuilder MapPaymentRequests(this RouteGroupBuilder payments)
    {
        payments.MapGet("/orders/{orderId:guid}", async Task<Results<Ok<PaymentRequest>, NotFound>> (
                Guid orderId, IQuerySession session, CancellationToken cancellationToken) =>
                await session.LoadAsync<PaymentRequest>(orderId, cancellationToken) is { } request
                    ? TypedResults.Ok(request)
                    : TypedResults.NotFound())
            .RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("GetOrderPayment")
            .WithSummary("Where an order's payment stands");
        return payments;
    }
}
