using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.Sandboxes.Sms;

public sealed record SmsRequest(string? To, string? From, string? Text);

public sealed record CapturedSms(string Id, string To, string From, string Text, DateTimeOffset ReceivedAt);

/// <summary>The SMS provider's memory: messages accepted, and scripted outages.</summary>
public sealed class SmsLedger(TimeProvider time)
{
    private readonly ConcurrentQueue<CapturedSms> messages = new();
    private readonly Lock gate = new();
    private int outage;

    public IEnumerable<CapturedSms> Messages(string? to) => messages.Where(sms => to is null || sms.To == to);

    public CapturedSms Accept(string to, string from, string text)
    {
        var sms = new CapturedSms("sms_" + Guid.NewGuid().ToString("N")[..12], to, from, text, time.GetUtcNow());
        messages.Enqueue(sms);
        return sms;
    }

    public void ScriptOutage(int count)
    {
        lock (gate)
        {
            outage = count;
        }
    }

    public bool TakeOutage()
    {
        lock (gate)
        {
            return outage > 0 && outage-- > 0;
        }
    }
}

/// <summary>
/// An HTTP SMS provider as most are: <c>POST /sms/api/messages</c> with a bearer API key and <c>{to, from, text}</c> in
/// E.164, answering 202 with the message id; what it accepted is listed at <c>GET /sms/messages?to=</c>.
/// </summary>
public static class SmsEndpoints
{
    public static void MapSmsCapture(this WebApplication app)
    {
        var sms = app.MapGroup("/sms").WithTags("SMS capture");
        sms.MapPost("/api/messages", Results<Accepted<CapturedSms>, UnauthorizedHttpResult, ValidationProblem, StatusCodeHttpResult> (
            SmsRequest request, HttpRequest http, SmsLedger ledger, IConfiguration configuration) =>
        {
            if (http.Headers.Authorization.FirstOrDefault() != $"Bearer {configuration["Sandboxes:SmsApiKey"] ?? "sandbox-sms-key"}")
            {
                return TypedResults.Unauthorized();
            }

            if (ledger.TakeOutage())
            {
                return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            if (request.To is not { Length: > 8 } to || !to.StartsWith('+') || string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 640)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["An E.164 number (+33…) and a text of at most 640 characters."] });
            }

            var accepted = ledger.Accept(to, request.From ?? "", request.Text);
            return TypedResults.Accepted($"/sms/messages/{accepted.Id}", accepted);
        });
        sms.MapGet("/messages", (string? to, SmsLedger ledger) => TypedResults.Ok(ledger.Messages(to).ToList()));
        sms.MapPost("/control/outage", (OutageCount request, SmsLedger ledger) =>
        {
            ledger.ScriptOutage(request.Count);
            return TypedResults.NoContent();
        });
    }

    public sealed record OutageCount(int Count);
}
