using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Payment.Features.Payments;

/// <summary>An order's payment for operations: amounts and state, the card's brand and last four digits, never a token [FR-29].</summary>
public sealed record PaymentView(Guid OrderId, string OrderNumber, string Status, string Method, string? Brand, string? Last4, string? DeclineCode,
    long AmountCents, long AuthorizedCents, long CapturedCents, long RefundedCents, long VoidedCents, DateTimeOffset? AuthorizationExpiresAt,
    string? Escalation, long StoreCreditCents, DateTimeOffset? LastCapturedAt = null)
{
    public static PaymentView Of(Domain.Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new PaymentView(payment.Id, payment.OrderNumber, payment.Status, payment.Method, payment.Brand, payment.Last4, payment.DeclineCode,
            payment.TotalCents, payment.AuthorizedCents, payment.CapturedCents, payment.RefundedCents, payment.VoidedCents, payment.AuthorizationExpiresAt,
            payment.Escalation, payment.CreditAuthorizedCents, payment.LastCapturedAt);
    }
}

public sealed record AcceptedMethods(IReadOnlyList<string> Methods, IReadOnlyList<string> CardBrands, string Capture);

public static class PaymentEndpoints
{
    public static RouteGroupBuilder MapPayments(this RouteGroupBuilder payments)
    {
        payments.MapGet("/methods", (PaymentPolicy policy) => TypedResults.Ok(new AcceptedMethods(policy.Methods, policy.CardBrands,
                policy.Capture == Domain.CaptureTiming.OnShipment ? "on-shipment" : "on-order")))
            .AllowAnonymous()
            .WithName("GetPaymentMethods")
            .WithSummary("The payment methods and card brands this shop accepts [FR-25, JI-01, MP-07]");
        payments.MapGet("/orders/{orderId:guid}", async Task<Results<Ok<PaymentView>, NotFound>> (
                Guid orderId, IQuerySession session, CancellationToken cancellationToken) =>
                await session.LoadAsync<Domain.Payment>(orderId, cancellationToken) is { } payment
                    ? TypedResults.Ok(PaymentView.Of(payment))
                    : TypedResults.NotFound())
            .RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("GetOrderPayment")
            .WithSummary("Where an order's payment stands");
        return payments;
    }
}
