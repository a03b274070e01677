namespace OrderPlatform.Payment.Features.PaymentRequests;

/// <summary>
/// An order waiting for its payment to be authorised. The walking skeleton records it; the PSP
/// authorisation (Payment issue) moves it on.
/// </summary>
public sealed record PaymentRequest(Guid Id, string OrderNumber, string Status, DateTimeOffset ReceivedAt)
{
    public const string AwaitingAuthorisation = "awaiting-authorisation";
}
