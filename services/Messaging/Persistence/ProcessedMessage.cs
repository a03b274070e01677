namespace OrderPlatform.Messaging.Persistence;

/// <summary>The inbox: one row per message a consumer has handled, written with its state change.</summary>
public sealed record ProcessedMessage(string Id, DateTimeOffset ProcessedAt);
