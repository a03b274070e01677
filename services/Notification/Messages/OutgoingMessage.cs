namespace OrderPlatform.Notification.Messages;

public sealed record MessageAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// One message to one recipient, rendered: e-mail (subject, plain text and HTML, attachments) or SMS (text). Its
/// <see cref="Key"/> names the event and recipient it answers, so it is queued once however often the event arrives [ALL-04].
/// A password-reset e-mail holds a placeholder and its <see cref="ResetId"/>: the token is put in as it is sent, never stored.
/// </summary>
public sealed record OutgoingMessage(string Key, string Template, string Channel, string To, string Subject, string Text, string? Html,
    IReadOnlyList<MessageAttachment> Attachments, Guid? CustomerId, Guid? OrderId, string? OrderNumber, bool Marketing = false, Guid? ResetId = null)
{
    public const string Email = "email";
    public const string Sms = "sms";
}
