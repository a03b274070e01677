extern alias accounts;

using accounts::OrderPlatform.Accounts;
using accounts::OrderPlatform.Accounts.Domain;
using accounts::OrderPlatform.Accounts.Features.Sellers;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.IntegrationTests.Messaging;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.IntegrationTests.Accounts;

/// <summary>
/// A certification makes its applicant the seller's first person, once however often it is told; an applicant erased before it arrives
/// stays erased, with no seller [MP-01, JI-15].
/// </summary>
public sealed class SellerCertifiedTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private TestService service = null!;

    private IDocumentStore Store => service.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync() =>
        service = await TestService.StartConsumingAsync("sellerpeople",
            bus => bus.AddConsumer<SellerCertifiedConsumer>(),
            AccountsStorage.Configure);

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task A_certification_told_twice_makes_the_applicant_its_sellers_person_once_and_an_erased_applicant_stays_erased_MP_01_JI_15()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        var applicant = Account("claire@atelier-rhone.fr");
        var erased = Account("paul@brocante.fr").Erase(Now);
        await using (var session = Store.LightweightSession())
        {
            session.Store(applicant, erased);
            await session.SaveChangesAsync();
        }

        await bus.PublishTwiceAsync(new SellerCertified("atelier-rhone-732829320", "Atelier Rhône", Guid.NewGuid(), applicant.Id, Now));
        await bus.PublishTwiceAsync(new SellerCertified("brocante-443061841", "Brocante", Guid.NewGuid(), erased.Id, Now));
        await bus.Publish(new SellerCertified("inconnu-552100554", "Inconnu", Guid.NewGuid(), Guid.NewGuid(), Now)); // no such account: nothing

        await Eventually.TrueAsync(async () => (await LoadAsync<Customer>(applicant.Id))?.SellerId is not null, Patience, "the applicant to act for its seller");
        await Eventually.TrueAsync(async () => await LoadAsync<KnownSeller>("inconnu-552100554") is not null
            && await LoadAsync<KnownSeller>("brocante-443061841") is not null, Patience, "every certification to be consumed");
        var person = (await LoadAsync<Customer>(applicant.Id))!;
        Assert.Equal("atelier-rhone-732829320", person.SellerId);
        Assert.Equal([PlatformAuthentication.CustomerRole, PlatformAuthentication.SellerRole], person.Roles);
        Assert.Equal("Atelier Rhône", (await LoadAsync<KnownSeller>("atelier-rhone-732829320"))!.Name);
        var stillErased = (await LoadAsync<Customer>(erased.Id))!;
        Assert.Equal((null, 0), (stillErased.SellerId, stillErased.Roles.Count));
    }

    [Fact]
    public async Task A_second_certification_of_a_seller_with_people_does_not_make_its_applicant_one_of_them_MP_01()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        var consumed = new ConsumedMessages<SellerCertified>();
        using var observer = bus.ConnectConsumeObserver(consumed);
        var (first, newcomer) = (Account("ines@faience.fr"), Account("intrus@example.fr"));
        await using (var session = Store.LightweightSession())
        {
            session.Store(first, newcomer);
            await session.SaveChangesAsync();
        }

        await bus.PublishTwiceAsync(new SellerCertified("faience-732829320", "Faïence", Guid.NewGuid(), first.Id, Now));
        await Eventually.TrueAsync(async () => (await LoadAsync<Customer>(first.Id))?.SellerId is not null, Patience, "the first person to join");
        var before = consumed.Count;
        await bus.PublishTwiceAsync(new SellerCertified("faience-732829320", "Faïence", Guid.NewGuid(), newcomer.Id, Now));
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count >= before + 2), Patience, "the second certification to be consumed");

        Assert.Null((await LoadAsync<Customer>(newcomer.Id))!.SellerId);
        Assert.Equal("faience-732829320", (await LoadAsync<Customer>(first.Id))!.SellerId);
    }

    private static Customer Account(string email) =>
        new(Guid.NewGuid(), "C" + Random.Shared.Next(10_000_000, 99_999_999), email, "hash", [PlatformAuthentication.CustomerRole], null, null, null, false, false, [], Now);

    private async Task<T?> LoadAsync<T>(object id) where T : notnull
    {
        await using var session = Store.QuerySession();
        return id switch
        {
            Guid guid => await session.LoadAsync<T>(guid),
            string text => await session.LoadAsync<T>(text),
            _ => throw new ArgumentException("A Guid or a string.", nameof(id)),
        };
    }
}
