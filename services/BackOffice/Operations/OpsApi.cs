using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using OrderPlatform.BackOffice.Session;

namespace OrderPlatform.BackOffice.Operations;

/// <summary>What a service answered a page: the value, or the problem to show the operator.</summary>
/// <param name="FreshCodeNeeded">The service asks for a new code from the operator's authenticator before moving that much money.</param>
public sealed record Answer<T>(T? Value, string? Problem, bool SessionEnded = false, bool FreshCodeNeeded = false)
{
    public bool Succeeded => Problem is null && !SessionEnded && !FreshCodeNeeded;
}

/// <summary>
/// The services' ops APIs, called for the signed-in operator with the ops token their session holds (never sent to the browser).
/// A problem the service answers is shown as the service worded it.
/// </summary>
public abstract class OpsApi(HttpClient http, AuthenticationStateProvider authentication)
{
    /// <summary>A file a page shows or prints (a photo, a label), fetched with the signed-in operator's token; null when there is none.</summary>
    protected async Task<(byte[] Content, string ContentType)?> FileAsync(string path, string accessToken, string defaultType,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadAsByteArrayAsync(cancellationToken), response.Content.Headers.ContentType?.MediaType ?? defaultType)
            : null;
    }

    /// <summary>The header every service's trail reads the operator's reason from (URL-encoded: headers are ASCII).</summary>
    public const string ReasonHeader = "X-Operator-Reason";

    /// <param name="freshToken">A token from a code the operator has just typed (<see cref="OpsSignIn.FreshTokenAsync"/>), for a money action
    /// that asks for one; the session's token otherwise.</param>
    protected async Task<Answer<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken, string? reason = null,
        IReadOnlyDictionary<string, string>? headers = null, string? freshToken = null)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        if (!string.IsNullOrWhiteSpace(reason))
        {
            request.Headers.Add(ReasonHeader, Uri.EscapeDataString(reason.Trim()));
        }

        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if ((freshToken ?? user.AccessToken()) is not { } token)
        {
            return new Answer<T>(default, null, SessionEnded: true);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Forbidden && await AsksForFreshCodeAsync(response, cancellationToken))
        {
            return new Answer<T>(default, null, FreshCodeNeeded: true);
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new Answer<T>(default, null, SessionEnded: true);
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return new Answer<T>(default, "Introuvable.");
        }

        if (!response.IsSuccessStatusCode)
        {
            return new Answer<T>(default, await ProblemOfAsync(response, cancellationToken));
        }

        return response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.Accepted && response.Content.Headers.ContentLength is null or 0
            ? new Answer<T>(default, null)
            : new Answer<T>(await response.Content.ReadFromJsonAsync<T>(cancellationToken), null);
    }

    private static async Task<bool> AsksForFreshCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("secondFactor", out var asked) && asked.GetString() == "again";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<string> ProblemOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var title = problem.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return string.Join(" ", new[] { title, detail }.Where(part => !string.IsNullOrWhiteSpace(part))) is { Length: > 0 } said
                ? said
                : $"Le service a répondu {(int)response.StatusCode}.";
        }
        catch (JsonException)
        {
            return $"Le service a répondu {(int)response.StatusCode}.";
        }
    }
}
