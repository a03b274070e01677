using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.Shops.Customers;

namespace OrderPlatform.IntegrationTests.Messaging;

/// <summary>Services keep customer data from Accounts' events, once per event, and forget it on erasure [JI-15].</summary>
public sealed class CustomerDirectoryTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TestService service = null!;

    public async Task InitializeAsync()
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        service = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("customers")),
            await infrastructure.CreateVirtualHostAsync(TestInfrastructure.UniqueName("customers")),
            bus => bus.AddCustomerDirectory(),
            options => options.Schema.For<ForgetRecord>(),
            services: services => services.AddSingleton<IForgetCustomer, RecordedForgets>());
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task Events_delivered_twice_are_kept_once_and_erasure_forgets_the_person_everywhere_in_the_service_JI_15()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        var consumed = new ConsumedMessages<CustomerErased>();
        using var observer = bus.ConnectConsumeObserver(consumed);
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        var store = service.Services.GetRequiredService<IDocumentStore>();
        var customerId = Guid.NewGuid();

        var registered = new CustomerRegistered(customerId, "C00200002", "lea@exemple.fr", "Léa", "Martin", true, "unsub-token", "+33600000000");
        var changed = new CustomerProfileChanged(customerId, "lea.martin@exemple.fr", "Léa", "Martin", null, true, true, DateTimeOffset.UtcNow);
        foreach (var message in new object[] { registered, changed })
        {
            var messageId = NewId.NextGuid();
            await bus.Publish(message, message.GetType(), context => context.MessageId = messageId);
            await bus.Publish(message, message.GetType(), context => context.MessageId = messageId);
        }

        await Eventually.TrueAsync(async () =>
        {
            await using var session = store.QuerySession();
            return (await session.LoadAsync<KnownCustomer>(customerId)) is { Email: "lea.martin@exemple.fr", LoyaltyMember: true, UnsubscribeToken: "unsub-token" };
        }, Patience, "the customer's newest profile to be kept");

        var erasureId = NewId.NextGuid();
        var erased = new CustomerErased(customerId, "C00200002", DateTimeOffset.UtcNow);
        await bus.Publish(erased, context => context.MessageId = erasureId);
        await bus.Publish(erased, context => context.MessageId = erasureId);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 2), Patience, "both erasure deliveries to be consumed");

        await using var reader = store.QuerySession();
        var known = await reader.LoadAsync<KnownCustomer>(customerId);
        Assert.True(known!.Erased);
        Assert.Null(known.Email);
        Assert.Equal(1, (await reader.LoadAsync<ForgetRecord>(customerId))?.Times);
    }

    /// <summary>Stands for a service's own erasure step: it counts, in the service's database, how often it was committed.</summary>
    private sealed class RecordedForgets : IForgetCustomer
    {
        public async Task ForgetAsync(CustomerErased erased, IDocumentSession session, CancellationToken cancellationToken)
        {
            var record = await session.LoadAsync<ForgetRecord>(erased.CustomerId, cancellationToken);
            session.Store(new ForgetRecord(erased.CustomerId, (record?.Times ?? 0) + 1));
        }
    }
}

public sealed record ForgetRecord(Guid Id, int Times);
