using Microsoft.AspNetCore.Components.Authorization;

namespace OrderPlatform.BackOffice.Operations;

/// <summary>What every service's trail says, merged newest first; the services that did not answer are named, not hidden.</summary>
public sealed record MergedTrail(IReadOnlyList<OperatorAction> Actions, IReadOnlyList<string> Silent, bool SessionEnded = false);

/// <summary>One service's operators' trail (<c>{prefix}/audit</c>), read for the signed-in operator.</summary>
public sealed class TrailApi(HttpClient http, AuthenticationStateProvider authentication) : OpsApi(http, authentication)
{
    public Task<Answer<OperatorTrailPage>> PageAsync(string prefix, string? subject, Guid? operatorId, int count, CancellationToken cancellationToken)
    {
        var query = $"{prefix}/audit?pageSize={count}";
        query += string.IsNullOrWhiteSpace(subject) ? "" : $"&subject={Uri.EscapeDataString(subject.Trim())}";
        query += operatorId is { } who ? $"&operatorId={who}" : "";
        return SendAsync<OperatorTrailPage>(HttpMethod.Get, query, null, cancellationToken);
    }
}

/// <summary>The audit page's source: each service keeps its own trail, in the same transaction as what the operator did.</summary>
public sealed class OperatorTrails(IHttpClientFactory clients, AuthenticationStateProvider authentication)
{
    /// <summary>Every service with a trail, the prefix it answers under, and its name for operations.</summary>
    public static readonly IReadOnlyList<(string Service, string Prefix, string Name)> Services =
    [
        ("accounts", "/api/ops/accounts", "Comptes"), ("catalog", "/api/catalog/ops", "Catalogue"),
        ("conversations", "/api/ops/conversations", "Conversations"),
        ("notification", "/api/notifications/ops", "Messages"), ("ordering", "/api/ops/orders", "Commandes"),
        ("payment", "/api/ops/payments", "Paiements"), ("returns", "/api/ops/returns", "Retours"), ("shipping", "/api/ops/shipping", "Expéditions"),
    ];

    public static string ClientName(string service) => "trail-" + service;

    public static string NameOf(string service) => Services.FirstOrDefault(known => known.Service == service).Name ?? service;

    public async Task<MergedTrail> LatestAsync(string? subject, Guid? operatorId, int count, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(Services.Select(known =>
            new TrailApi(clients.CreateClient(ClientName(known.Service)), authentication).PageAsync(known.Prefix, subject, operatorId, count, cancellationToken)));
        if (answers.Any(answer => answer.SessionEnded))
        {
            return new MergedTrail([], [], SessionEnded: true);
        }

        var silent = Services.Zip(answers).Where(pair => !pair.Second.Succeeded).Select(pair => pair.First.Name).ToList();
        var actions = answers.SelectMany(answer => answer.Value?.Items ?? []).OrderByDescending(action => action.At).Take(count).ToList();
        return new MergedTrail(actions, silent);
    }
}
