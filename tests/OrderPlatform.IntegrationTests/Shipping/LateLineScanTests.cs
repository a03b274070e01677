extern alias shipping;

using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using shipping::OrderPlatform.Shipping;
using shipping::OrderPlatform.Shipping.Domain;
using shipping::OrderPlatform.Shipping.Features.Shipments;

namespace OrderPlatform.IntegrationTests.Shipping;

/// <summary>The late-line scan on real PostgreSQL: a seller's line past its delay is flagged once, however often the scan runs [MP-08].</summary>
public sealed class LateLineScanTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private DocumentStore store = null!;

    public async Task InitializeAsync()
    {
        store = await (await TestInfrastructure.GetAsync()).CreateStoreAsync(TestInfrastructure.UniqueName("lateline"), ShippingStorage.Configure);
    }

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_line_past_its_sellers_delay_is_flagged_and_its_buyer_and_seller_told_once_however_often_the_scan_runs_MP_08()
    {
        var orderId = Guid.NewGuid();
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<OrderToShip>(orderId, new OrderReceivedForShipping(orderId, "CMD-42", Guid.NewGuid(),
                [new OrderedLine("1", "TABLIER", 1, 4500, ProductName: "Tablier", SellerId: "atelier", ShipsWithinDays: 2)],
                new OrderDelivery("mondial-relay", "relay-point", "020340"), new PostalAddress("Léa", "Martin", "1 rue Haute", null, "69001", "Lyon", "FR", null),
                Now.AddDays(-3), null));
            await session.SaveChangesAsync();
        }

        Assert.Equal(1, await LateLineScan.FlagDueAsync(store, Now, CancellationToken.None));
        Assert.Equal(0, await LateLineScan.FlagDueAsync(store, Now.AddMinutes(15), CancellationToken.None));

        await using var reader = store.QuerySession();
        var events = (await reader.Events.FetchStreamAsync(orderId)).Select(@event => @event.Data).ToList();
        Assert.Single(events.OfType<LinesFlaggedLate>());
        var notice = Assert.Single(events.OfType<SellerLinesLate>());
        Assert.Equal(("atelier", "CMD-42"), (notice.SellerId, notice.OrderNumber));
        Assert.Equal(["1"], (await reader.LoadAsync<OrderToShip>(orderId))!.FlaggedLate);
    }
}
