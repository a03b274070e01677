using Microsoft.AspNetCore.Components.Authorization;

namespace OrderPlatform.BackOffice.Operations;

/// <summary>A sign-up waiting for operations, and why the automatic checks doubted it [MP-03].</summary>
public sealed record PendingSignUp(Guid CustomerId, string Email, string? FirstName, string? LastName, string Doubt, DateTimeOffset SignedUpAt,
    DateTimeOffset RefusedUnlessDecidedBy);

/// <summary>Accounts' ops API: sign-ups to approve, and a customer's erasure on request.</summary>
public sealed class AccountsApi(HttpClient http, AuthenticationStateProvider authentication) : OpsApi(http, authentication)
{
    public Task<Answer<IReadOnlyList<PendingSignUp>>> PendingSignUpsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<PendingSignUp>>(HttpMethod.Get, "/api/ops/accounts/sign-ups", null, cancellationToken);

    public Task<Answer<object>> DecideSignUpAsync(Guid customerId, bool approve, string reason, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Post, $"/api/ops/accounts/sign-ups/{customerId}/decision", new { approve }, cancellationToken, reason);

    /// <summary>The customer asked to be forgotten [JI-15]: the e-mail and the customer number must both match.</summary>
    public Task<Answer<object>> EraseAsync(string email, string customerNumber, string reason, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Post, "/api/accounts/erasures", new { email, customerNumber }, cancellationToken, reason);
}
