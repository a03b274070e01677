namespace OrderPlatform.Messaging.Audit;

/// <summary>
/// One thing an operator did, kept for good: who (the ops account's id and e-mail from its token), when, in which service, by which
/// action, why (what the operator typed), to what (the streams and ids it touched), what it caused (the events it appended) and
/// the money those events name. Written in the transaction of the change itself, so there is no change without its line.
/// </summary>
public sealed record OperatorAction(
    Guid Id,
    DateTimeOffset At,
    Guid OperatorId,
    string? OperatorEmail,
    string Service,
    string Action,
    string Path,
    string? Reason,
    IReadOnlyList<string> Subjects,
    IReadOnlyList<string> Events,
    long? AmountCents);
