using Microsoft.AspNetCore.Components.Authorization;

namespace OrderPlatform.BackOffice.Operations;

public sealed record MoneyFlow(DateOnly Day, long AuthorisedCents, long CapturedCents, long RefundedCents, int Authorisations, int Captures, int Refunds);

/// <summary>A payment as Payment keeps it; an escalated one names why.</summary>
public sealed record PaymentView(Guid OrderId, string OrderNumber, string Status, string Method, string? Brand, string? Last4, string? DeclineCode,
    long AmountCents, long AuthorizedCents, long CapturedCents, long RefundedCents, long VoidedCents, DateTimeOffset? AuthorizationExpiresAt,
    string? Escalation);

/// <summary>Payment's ops API.</summary>
public sealed class PaymentApi(HttpClient http, AuthenticationStateProvider authentication) : OpsApi(http, authentication)
{
    /// <summary>Authorised, captured and refunded today (Paris time).</summary>
    public Task<Answer<MoneyFlow>> TodayAsync(CancellationToken cancellationToken) =>
        SendAsync<MoneyFlow>(HttpMethod.Get, "/api/ops/payments/today", null, cancellationToken);

    /// <summary>Payments whose lapsed authorisation could not be renewed: nothing ships or is charged until each is settled.</summary>
    public Task<Answer<IReadOnlyList<PaymentView>>> EscalatedAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<PaymentView>>(HttpMethod.Get, "/api/ops/payments/escalated", null, cancellationToken);

    /// <summary>Asks the PSP again, once the customer's bank agreed.</summary>
    public Task<Answer<PaymentView>> RenewAsync(Guid orderId, string reason, CancellationToken cancellationToken) =>
        SendAsync<PaymentView>(HttpMethod.Post, $"/api/ops/payments/orders/{orderId}/renewal", null, cancellationToken, reason);
}
