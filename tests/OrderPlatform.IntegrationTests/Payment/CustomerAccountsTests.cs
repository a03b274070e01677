extern alias payment;

using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.IntegrationTests.Messaging;
using payment::OrderPlatform.Payment;
using payment::OrderPlatform.Payment.Features.Payments;

namespace OrderPlatform.IntegrationTests.Payment;

/// <summary>Payment knows which customers exist (for ops' store-credit gestures), from Accounts' events, in any order, told twice.</summary>
public sealed class CustomerAccountsTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TestService service = null!;

    private IDocumentStore Store => service.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        service = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("payaccounts")),
            await infrastructure.CreateVirtualHostAsync(TestInfrastructure.UniqueName("payaccounts")),
            bus =>
            {
                bus.AddConsumer<CustomerAccountOpened>();
                bus.AddConsumer<CustomerAccountErased>();
            },
            PaymentStorage.Configure);
        await service.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task A_sign_up_told_twice_opens_one_account_and_an_erasure_told_before_it_keeps_the_customer_erased_JI_15()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        var (kept, erased) = (Guid.NewGuid(), Guid.NewGuid());

        await bus.PublishTwiceAsync(new CustomerRegistered(kept, "C100001", "lea@exemple.fr", "Léa", null, false));
        await bus.PublishTwiceAsync(new CustomerErased(erased, "C100002", DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => await LoadAsync(erased) is not null, Patience, "the erasure to be recorded");
        await bus.Publish(new CustomerRegistered(erased, "C100002", "paul@exemple.fr", "Paul", null, false));

        await Eventually.TrueAsync(async () => await LoadAsync(kept) is not null, Patience, "the sign-up to be recorded");
        await Task.Delay(1000); // the late sign-up of the erased customer is consumed
        Assert.Equal(new CustomerAccount(kept, Erased: false), await LoadAsync(kept));
        Assert.Equal(new CustomerAccount(erased, Erased: true), await LoadAsync(erased));
    }

    private async Task<CustomerAccount?> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<CustomerAccount>(id);
    }
}
