using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Messaging;

namespace OrderPlatform.Payment.Features.Payments;

/// <summary>
/// Which customers exist, as far as Payment needs to know (crediting store credit to no one is a mistake): the id and whether
/// the person was erased, nothing that names them. An erasure told before the sign-up stays an erasure.
/// </summary>
public sealed record CustomerAccount(Guid Id, bool Erased);

public sealed class CustomerAccountOpened(IDocumentStore store, TimeProvider time, ILogger<CustomerAccountOpened> logger)
    : IdempotentConsumer<CustomerRegistered>(store, time, logger)
{
    protected override async Task HandleAsync(CustomerRegistered message, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<CustomerAccount>(message.CustomerId, cancellationToken) is null)
        {
            session.Store(new CustomerAccount(message.CustomerId, Erased: false));
        }
    }
}

public sealed class CustomerAccountErased(IDocumentStore store, TimeProvider time, ILogger<CustomerAccountErased> logger)
    : IdempotentConsumer<CustomerErased>(store, time, logger)
{
    protected override Task HandleAsync(CustomerErased message, IDocumentSession session, CancellationToken cancellationToken)
    {
        session.Store(new CustomerAccount(message.CustomerId, Erased: true));
        return Task.CompletedTask;
    }
}
