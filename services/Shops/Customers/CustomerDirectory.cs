using Marten;
using MassTransit;
using Microsoft.Extensions.Logging;
using OrderPlatform.Contracts;
using OrderPlatform.Messaging;

namespace OrderPlatform.Shops.Customers;

/// <summary>
/// A service's part in an erasure [JI-15]: stage on the session whatever else of the person it holds
/// (addresses on orders, message bodies…), to be committed with the directory's own erasure.
/// </summary>
public interface IForgetCustomer
{
    Task ForgetAsync(CustomerErased erased, IDocumentSession session, CancellationToken cancellationToken);
}

/// <summary>What every service's erasure does with the streams that held the person: mask their events.</summary>
public static class ErasedStreams
{
    /// <summary>Applies the store's masking rules to every event of these streams [JI-15]; nothing to do for none.</summary>
    public static async Task MaskAsync(IDocumentSession session, IEnumerable<Guid> streamIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var ids = streamIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        await session.DocumentStore.Advanced.ApplyEventDataMasking(masking =>
        {
            foreach (var id in ids)
            {
                masking.IncludeStream(id);
            }
        }, cancellationToken);
    }
}

public static class CustomerDirectory
{
    /// <summary>Keeps <see cref="KnownCustomer"/> documents from Accounts' events, and forgets them on erasure.</summary>
    public static IBusRegistrationConfigurator AddCustomerDirectory(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<CustomerRegisteredConsumer>();
        bus.AddConsumer<CustomerProfileChangedConsumer>();
        return bus.AddCustomerErasure();
    }

    /// <summary>
    /// Forgets an erased customer everywhere in the service (its <see cref="IForgetCustomer"/>s) and keeps the erasure, so that news of
    /// the customer arriving later is not kept either: for a service with no directory of its own.
    /// </summary>
    public static IBusRegistrationConfigurator AddCustomerErasure(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<CustomerErasedConsumer>();
        bus.ConfigureMarten(options => options.Schema.For<KnownCustomer>()); // its table is the migrate step's too
        return bus;
    }
}

public sealed class CustomerRegisteredConsumer(IDocumentStore store, TimeProvider time, ILogger<CustomerRegisteredConsumer> logger)
    : IdempotentConsumer<CustomerRegistered>(store, time, logger)
{
    protected override async Task HandleAsync(CustomerRegistered message, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (KnownCustomers.Apply(await session.LoadAsync<KnownCustomer>(message.CustomerId, cancellationToken), message) is { } known)
        {
            session.Store(known);
        }
    }
}

public sealed class CustomerProfileChangedConsumer(IDocumentStore store, TimeProvider time, ILogger<CustomerProfileChangedConsumer> logger)
    : IdempotentConsumer<CustomerProfileChanged>(store, time, logger)
{
    protected override async Task HandleAsync(CustomerProfileChanged message, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (KnownCustomers.Apply(await session.LoadAsync<KnownCustomer>(message.CustomerId, cancellationToken), message) is { } known)
        {
            session.Store(known);
        }
    }
}

public sealed class CustomerErasedConsumer(
    IDocumentStore store, TimeProvider time, IEnumerable<IForgetCustomer> forgetters, ILogger<CustomerErasedConsumer> logger)
    : IdempotentConsumer<CustomerErased>(store, time, logger)
{
    protected override async Task HandleAsync(CustomerErased message, IDocumentSession session, CancellationToken cancellationToken)
    {
        await KnownCustomers.LockAsync(session, message.CustomerId, cancellationToken);
        session.Store(KnownCustomers.Apply(await session.LoadAsync<KnownCustomer>(message.CustomerId, cancellationToken), message));
        foreach (var forgetter in forgetters)
        {
            await forgetter.ForgetAsync(message, session, cancellationToken);
        }
    }
}
