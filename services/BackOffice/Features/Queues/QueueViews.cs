namespace OrderPlatform.BackOffice.Features.Queues;

/// <summary>A queue as operations watch it: depth, consumers, rates; <c>_error</c> queues hold what consumers gave up on.</summary>
public sealed record QueueView(string VirtualHost, string Name, long Messages, long Ready, long Unacknowledged, int Consumers, double PublishRate,
    double DeliverRate, bool ErrorQueue);

/// <summary>A message peeked at in a queue (put back where it was): its type, why and when the consumer gave up, what it says.</summary>
public sealed record PeekedMessage(string? MessageType, string? Exception, DateTimeOffset? FaultedAt, string Payload, bool Redelivered);

/// <summary>The messages of an <c>_error</c> queue on their way back to the queue they failed in.</summary>
public sealed record Redrive(string VirtualHost, string From, string To, long Messages, string Shovel);
