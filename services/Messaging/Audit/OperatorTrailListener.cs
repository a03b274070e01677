using System.Reflection;
using Marten;
using Microsoft.AspNetCore.Http;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Messaging.Audit;

/// <summary>
/// Adds an <see cref="OperatorAction"/> to every save an operator's request makes, in the same transaction: whatever the endpoint
/// (back office or API), nothing an operator changes is anonymous, and a change that rolls back leaves no line.
/// </summary>
internal sealed class OperatorTrailListener(IHttpContextAccessor requests, string service) : DocumentSessionListenerBase
{
    /// <summary>Why the operator did it, as typed (URL-encoded UTF-8, since headers are ASCII).</summary>
    public const string ReasonHeader = "X-Operator-Reason";
    private const int ReasonLength = 500;

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (requests.HttpContext is not { } http || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || !http.User.IsOps() || http.User.CustomerId() is not { } operatorId)
        {
            return Task.CompletedTask;
        }

        var streams = session.PendingChanges.Streams().ToList();
        var documents = session.PendingChanges.AllChangedFor<object>().Where(document => document is not OperatorAction).ToList();
        // A deletion is an action too (an operator's authenticator cleared, say).
        if (streams.Count == 0 && documents.Count == 0 && !session.PendingChanges.Deletions().Any())
        {
            return Task.CompletedTask;
        }

        var events = streams.SelectMany(stream => stream.Events).Select(appended => appended.Data).ToList();
        var subjects = streams.Select(stream => stream.Key ?? stream.Id.ToString())
            .Concat(http.Request.RouteValues.Values.OfType<string>().Where(value => Guid.TryParse(value, out _)))
            .Distinct(StringComparer.Ordinal).ToList();
        var time = http.RequestServices.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        session.Insert(new OperatorAction(Guid.CreateVersion7(), time.GetUtcNow(), operatorId, http.User.FindFirst("email")?.Value, service,
            http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>()?.EndpointName ?? http.Request.Method,
            http.Request.Path.Value ?? "", ReasonOf(http), subjects, events.Select(data => data.GetType().Name).ToList(), AmountOf(events)));
        return Task.CompletedTask;
    }

    private static string? ReasonOf(HttpContext http)
    {
        var raw = http.Request.Headers[ReasonHeader].ToString();
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var reason = Uri.UnescapeDataString(raw).Trim();
        return reason.Length > ReasonLength ? reason[..ReasonLength] : reason;
    }

    /// <summary>The money the appended events move: the sum of their <c>AmountCents</c>, or null when none names an amount.</summary>
    private static long? AmountOf(IEnumerable<object> events)
    {
        long? total = null;
        foreach (var data in events)
        {
            if (data.GetType().GetProperty("AmountCents", BindingFlags.Public | BindingFlags.Instance)?.GetValue(data) is long cents)
            {
                total = (total ?? 0) + cents;
            }
        }

        return total;
    }
}
