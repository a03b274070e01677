namespace OrderPlatform.Messaging.Persistence;

/// <summary>
/// An integration event the outbox relay could never publish (it does not serialise), set aside with the reason so the events
/// after it still go out; an operator fixes the contract and republishes it, or decides it is moot.
/// </summary>
public sealed record UnpublishableEvent(Guid Id, long Sequence, string EventType, Guid StreamId, string Reason, DateTimeOffset SetAsideAt);
