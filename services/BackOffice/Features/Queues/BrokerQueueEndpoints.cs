using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.BackOffice.Features.Queues;

public static class BrokerQueueEndpoints
{
    private const int MaxPeek = 20;

    public static RouteGroupBuilder MapBrokerQueues(this RouteGroupBuilder messaging)
    {
        messaging.MapGet("/queues", ListAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ListBrokerQueues").WithSummary("Every queue with its depth, consumers and rates; _error queues holding messages first");
        messaging.MapGet("/queues/{queue}/messages", PeekAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("PeekQueueMessages").WithSummary("The first messages of a queue, with the reason a consumer gave up on them; they stay in the queue");
        messaging.MapPost("/queues/{queue}/redrive", RedriveAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("RedriveErrorQueue")
            .WithSummary("Move an _error queue's messages back to the queue they failed in, once the cause is fixed (a RabbitMQ shovel)");
        return messaging;
    }

    private static async Task<Ok<IReadOnlyList<QueueView>>> ListAsync(BrokerQueues queues, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queues.ListAsync(cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<PeekedMessage>>, NotFound, ValidationProblem>> PeekAsync(
        string queue, BrokerQueues queues, CancellationToken cancellationToken, string virtualHost = "/", int count = 5)
    {
        if (count is < 1 or > MaxPeek)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["count"] = [$"Between 1 and {MaxPeek}."] });
        }

        return await queues.FindAsync(virtualHost, queue, cancellationToken) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await queues.PeekAsync(virtualHost, queue, count, cancellationToken));
    }

    private static async Task<Results<Accepted<Redrive>, NotFound, ValidationProblem, ProblemHttpResult>> RedriveAsync(
        string queue, BrokerQueues queues, CancellationToken cancellationToken, string virtualHost = "/")
    {
        if (!queue.EndsWith(BrokerQueues.ErrorSuffix, StringComparison.Ordinal))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["queue"] = ["Only an _error queue's messages are moved back."] });
        }

        var errorQueue = await queues.FindAsync(virtualHost, queue, cancellationToken);
        if (errorQueue is null)
        {
            return TypedResults.NotFound();
        }

        if (await queues.FindAsync(virtualHost, queue[..^BrokerQueues.ErrorSuffix.Length], cancellationToken) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The queue these messages failed in no longer exists.",
                detail: $"{queue[..^BrokerQueues.ErrorSuffix.Length]} is not on the broker: its consumer is gone, so nothing would take them.");
        }

        return TypedResults.Accepted((string?)null, await queues.RedriveAsync(errorQueue, cancellationToken));
    }
}
