using Microsoft.AspNetCore.Components.Authorization;

namespace OrderPlatform.BackOffice.Operations;

public sealed record MoneyFlow(DateOnly Day, long AuthorisedCents, long CapturedCents, long RefundedCents, int Authorisations, int Captures, int Refunds);

/// <summary>Payment's ops API.</summary>
public sealed class PaymentApi(HttpClient http, AuthenticationStateProvider authentication) : OpsApi(http, authentication)
{
    /// <summary>Authorised, captured and refunded today (Paris time).</summary>
    public Task<Answer<MoneyFlow>> TodayAsync(CancellationToken cancellationToken) =>
        SendAsync<MoneyFlow>(HttpMethod.Get, "/api/ops/payments/today", null, cancellationToken);
}
