using Marten;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using OrderPlatform.Notification.Features.OrderNotifications;
using OrderPlatform.Notification.Messages;

namespace OrderPlatform.Notification.Features.AccountNotifications;

/// <summary>The account was created: a welcome e-mail [MP-03].</summary>
public sealed class WelcomeEmailConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options, ILogger<WelcomeEmailConsumer> logger)
    : NotificationConsumer<CustomerRegistered>(store, time, options, logger)
{
    protected override Task<IReadOnlyList<OutgoingMessage>> RenderAsync(CustomerRegistered message, IDocumentSession session, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutgoingMessage>>([MessageTemplates.Welcome(message, Shop)]);
}

/// <summary>
/// The reset link [FR-31, JI-16, MP-05]. The event carries the address itself (the reset may come before the directory knows the
/// customer); the queued message holds a placeholder and the reset's id, and the token is put in only as it leaves.
/// </summary>
public sealed class PasswordResetRequestedConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options,
    ILogger<PasswordResetRequestedConsumer> logger) : NotificationConsumer<PasswordResetRequested>(store, time, options, logger)
{
    /// <remarks>Accounts masks the event once the token is spent or dead (no reset id, address "erased"): such a copy has nothing to send.</remarks>
    protected override Task<IReadOnlyList<OutgoingMessage>> RenderAsync(PasswordResetRequested message, IDocumentSession session, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutgoingMessage>>(message.ResetId == Guid.Empty || !message.Email.Contains('@', StringComparison.Ordinal)
            ? []
            : [MessageTemplates.PasswordReset(message, Shop, $"{message.CustomerId:N}-{message.ExpiresAt.ToUnixTimeMilliseconds()}")]);
}

/// <summary>The in-store reservation, by e-mail and SMS [FR-21].</summary>
public sealed class InStoreReservationConfirmedConsumer(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options,
    ILogger<InStoreReservationConfirmedConsumer> logger) : NotificationConsumer<InStoreReservationConfirmed>(store, time, options, logger)
{
    protected override async Task<IReadOnlyList<OutgoingMessage>> RenderAsync(InStoreReservationConfirmed message, IDocumentSession session,
        CancellationToken cancellationToken) =>
        await RecipientAsync(session, message.CustomerId, cancellationToken) is { } to ? MessageTemplates.InStoreReservation(message, to, Shop) : [];
}
