namespace OrderPlatform.Messaging;

/// <summary>
/// A message that arrived before what it depends on, kept in the service's database until <see cref="DueAt"/>, when it is sent
/// again to <see cref="Queue"/> with its own message id (so the inbox still handles it once). <see cref="Id"/> names the
/// consumer, the message and the attempt.
/// </summary>
public sealed record ParkedMessage(
    string Id,
    Guid MessageId,
    string Queue,
    string MessageType,
    string Body,
    string WaitingFor,
    int Attempts,
    DateTimeOffset FirstParkedAt,
    DateTimeOffset DueAt);
