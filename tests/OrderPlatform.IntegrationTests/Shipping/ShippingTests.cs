extern alias sandboxes;
extern alias shipping;

using Marten;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.IntegrationTests.Infrastructure;
using OrderPlatform.IntegrationTests.Messaging;
using sandboxes::OrderPlatform.Sandboxes.Carriers;
using shipping::OrderPlatform.Shipping;
using shipping::OrderPlatform.Shipping.Carriers;
using shipping::OrderPlatform.Shipping.Domain;
using shipping::OrderPlatform.Shipping.Features.Shipments;

namespace OrderPlatform.IntegrationTests.Shipping;

/// <summary>
/// Shipping on real PostgreSQL and RabbitMQ against the Sandboxes' carriers served over HTTP in their own
/// wire formats: intake from Ordering delivered twice, labels from both carriers, an outage, tracking
/// with backdated events, and the sandbox's checks of our requests (security key, credentials).
/// </summary>
public sealed class ShippingTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly PostalAddress Camille = new("Camille", "Durand", "12 rue de la Paix", null, "75002", "Paris", "FR", "0612345678");

    private WebApplication carriers = null!;
    private TestService service = null!;

    private CarrierLedger Ledger => carriers.Services.GetRequiredService<CarrierLedger>();

    private IDocumentStore Store => service.Services.GetRequiredService<IDocumentStore>();

    private LabelBooking Booking => service.Services.GetRequiredService<LabelBooking>();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(TimeProvider.System).AddSingleton<CarrierLedger>().AddProblemDetails();
        carriers = builder.Build();
        carriers.MapCarrierSandboxes();
        await carriers.StartAsync();

        var configuration = Configuration(carriers.Urls.First(), privateKey: "PrivateK");
        var infrastructure = await TestInfrastructure.GetAsync();
        service = await TestService.StartAsync(
            await infrastructure.CreateDatabaseAsync(TestInfrastructure.UniqueName("shipping")),
            await infrastructure.CreateVirtualHostAsync(TestInfrastructure.UniqueName("shipping")),
            bus => bus.AddShippingConsumers(),
            ShippingStorage.Configure,
            services =>
            {
                services.Configure<ShippingOptions>(configuration.GetSection("Shipping"));
                services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
                CarrierDirectory.Register(services, configuration);
                services.AddSingleton<LabelBooking>().AddSingleton<TrackingScan>();
            });
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await carriers.DisposeAsync();
    }

    [Fact]
    public async Task An_order_handed_to_logistics_twice_is_received_once()
    {
        var handedOff = HandedOff("mondial-relay", "relay-point", "020340");
        var bus = await BusAsync();

        await bus.PublishTwiceAsync(handedOff);

        var order = await Eventually.GetAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.LoadAsync<OrderToShip>(handedOff.OrderId);
        }, Patience, "the order to reach the warehouse");
        await Task.Delay(500);
        await using var query = Store.QuerySession();
        Assert.Single(await query.Events.FetchStreamAsync(handedOff.OrderId));
        Assert.Equal(handedOff.CustomerId, order.CustomerId);
    }

    [Fact]
    public async Task A_replacement_asked_twice_and_before_the_order_reached_the_warehouse_is_left_to_ship_once_ALL_07()
    {
        var handedOff = HandedOff("la-poste", "home", null);
        var bus = await BusAsync();
        var request = new ReplacementShipmentRequested(handedOff.OrderId, "claim:1", [new ShippedLine("1", handedOff.Lines[0].Sku, 1)],
            ReplacementShipmentRequested.ClaimSettled, DateTimeOffset.UtcNow);

        await bus.PublishTwiceAsync(request);
        await Task.Delay(1000); // consumed before the order is with the warehouse: retried, not lost
        await bus.Publish(handedOff);

        var order = await Eventually.GetAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.LoadAsync<OrderToShip>(handedOff.OrderId) is { ReplacementRequests.Count: > 0 } waiting ? waiting : null;
        }, Patience, "the replacement to reach the warehouse");
        await Task.Delay(500);
        await using var query = Store.QuerySession();
        Assert.Single((await query.LoadAsync<OrderToShip>(handedOff.OrderId))!.ReplacementRequests!);
        Assert.Equal(handedOff.Lines[0].Quantity + 1, order.LeftToShip(order.Lines[0]));
    }

    [Fact]
    public async Task A_payment_escalated_twice_holds_the_order_once_and_nothing_more_ships()
    {
        var handedOff = HandedOff("la-poste", "home", null);
        await ShipAsync(handedOff, ("1", 1));
        var bus = await BusAsync();

        await bus.PublishTwiceAsync(new PaymentEscalated(handedOff.OrderId, "re-authorisation refused: do_not_honor", DateTimeOffset.UtcNow));

        var held = await Eventually.GetAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.LoadAsync<OrderToShip>(handedOff.OrderId) is { PaymentHold: not null } order ? order : null;
        }, Patience, "the order to be held");
        await Eventually.HoldsAsync(async () => (await StreamAsync(handedOff.OrderId)).OfType<PaymentHoldRecorded>().Count() == 1, TimeSpan.FromSeconds(0.5),
            "one hold for an escalation told twice");
        Assert.NotNull(ShippingDecisions.Ship(held, [new ShipRequestLine("2", 1)], [], Guid.NewGuid(), DateTimeOffset.UtcNow, false).Conflict);
    }

    [Theory]
    [InlineData("mondial-relay", "relay-point", "020340")]
    [InlineData("mondial-relay", "home", null)]
    [InlineData("la-poste", "home", null)]
    [InlineData("la-poste", "pickup-point", null)]
    public async Task Each_carrier_books_a_label_in_its_own_format_and_the_shipment_ships_with_its_tracking_link_FR_03(string carrier, string mode, string? point)
    {
        if (carrier == "la-poste" && mode == "pickup-point")
        {
            point = CarrierLedger.PickupPoints(CarrierLedger.LaPoste, "75002", "FR")[0].Id; // a post office: BPR
        }

        var shipmentId = await ShipAsync(HandedOff(carrier, mode, point), ("1", 1), ("2", 2));

        var shipment = (await Booking.BookAsync(shipmentId, CancellationToken.None))!;

        Assert.Equal("label-created", shipment.Status);
        var parcel = Ledger.Parcel(carrier, shipment.TrackingNumber!);
        Assert.NotNull(parcel);
        Assert.Equal(point, parcel.RelayId);
        Assert.Equal(carrier == "mondial-relay" ? (mode == "home" ? "HOM" : "24R") : (mode == "home" ? "DOM" : "BPR"), parcel.Product);
        Assert.StartsWith(carrier == "mondial-relay" ? "https://www.mondialrelay.fr/suivi-de-colis/" : "https://www.laposte.fr/outils/suivre-vos-envois",
            shipment.TrackingUrl, StringComparison.Ordinal);
        var shipped = Assert.Single((await StreamAsync(shipmentId)).OfType<OrderShipped>());
        Assert.Equal([("1", 1), ("2", 2)], shipped.Lines.Select(line => (line.LineId, line.Quantity)));
        Assert.Equal((carrier, shipment.TrackingNumber, shipment.TrackingUrl), (shipped.Carrier, shipped.TrackingNumber, shipped.TrackingUrl));
    }

    [Fact]
    public async Task A_carrier_outage_leaves_the_shipment_awaiting_its_label_and_the_scan_books_it_when_the_carrier_is_back()
    {
        var shipmentId = await ShipAsync(HandedOff("mondial-relay", "relay-point", "020340"), ("1", 1));
        Ledger.ScriptOutage(CarrierLedger.MondialRelay, 3); // the first attempt and its two retries

        var waiting = (await Booking.BookAsync(shipmentId, CancellationToken.None))!;

        Assert.Equal("awaiting-label", waiting.Status);
        Assert.Contains("503", waiting.LabelProblem, StringComparison.Ordinal);
        Assert.Empty((await StreamAsync(shipmentId)).OfType<OrderShipped>());
        await LabelScan.RetryDueAsync(Store, Booking, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        await using var query = Store.QuerySession();
        var booked = await query.LoadAsync<Shipment>(shipmentId);
        Assert.Equal("label-created", booked!.Status);
        Assert.Single((await StreamAsync(shipmentId)).OfType<OrderShipped>());
    }

    [Fact]
    public async Task A_parcel_left_at_the_relay_for_16_days_goes_back_to_the_warehouse_FR_10()
    {
        var shipment = await BookedAsync("mondial-relay", "relay-point", "020340");
        // The carrier's clock runs ahead with the scan's: at the relay a day after leaving, nobody came in 15 days.
        var availableAt = DateTimeOffset.UtcNow.AddDays(1);
        Ledger.AddEvent(CarrierLedger.MondialRelay, shipment.TrackingNumber!, new SandboxParcelEvent("collected", "Prise en charge en agence", availableAt.AddHours(-12), null, "AGENCE"));
        Ledger.AddEvent(CarrierLedger.MondialRelay, shipment.TrackingNumber!, new SandboxParcelEvent("at-relay", "Colis mis à disposition au Point Relais®", availableAt, "020340", null));

        await service.Services.GetRequiredService<TrackingScan>().PollAsync(availableAt.AddDays(16), CancellationToken.None);

        var events = await StreamAsync(shipment.Id);
        var available = Assert.Single(events.OfType<ParcelAvailableForPickup>());
        Assert.Equal(availableAt.AddDays(15).ToUnixTimeSeconds() / 60, available.HoldUntil.ToUnixTimeSeconds() / 60); // MR prints minutes
        Assert.Equal("uncollected", Assert.Single(events.OfType<ParcelReturnedToWarehouse>()).Reason);
        await using var query = Store.QuerySession();
        Assert.Equal("returned-to-warehouse", (await query.LoadAsync<Shipment>(shipment.Id))!.Status);
    }

    [Fact]
    public async Task Nobody_home_then_collected_at_the_post_office_is_delivered_with_La_Postes_time_FR_11()
    {
        var shipment = await BookedAsync("la-poste", "home", null);
        var noticeAt = DateTimeOffset.UtcNow.AddDays(1);
        Ledger.AddEvent(CarrierLedger.LaPoste, shipment.TrackingNumber!, new SandboxParcelEvent("ND1", Colissimo.Labels["ND1"], noticeAt, null, null));
        var scan = service.Services.GetRequiredService<TrackingScan>();
        await scan.PollAsync(noticeAt.AddHours(1), CancellationToken.None);
        await using (var query = Store.QuerySession())
        {
            var noticed = (await query.LoadAsync<Shipment>(shipment.Id))!;
            Assert.Equal("notice-left", noticed.Status);
            Assert.Equal(noticeAt.AddDays(15).ToUnixTimeSeconds(), noticed.HoldUntil!.Value.ToUnixTimeSeconds());
        }

        var collectedAt = noticeAt.AddDays(2);
        Ledger.AddEvent(CarrierLedger.LaPoste, shipment.TrackingNumber!, new SandboxParcelEvent("DI1", Colissimo.Labels["DI1"], collectedAt, null, null));
        await scan.PollAsync(collectedAt.AddHours(1), CancellationToken.None);
        await scan.PollAsync(collectedAt.AddHours(2), CancellationToken.None); // polled again: nothing new

        var events = await StreamAsync(shipment.Id);
        Assert.Equal(collectedAt.ToUnixTimeSeconds(), Assert.Single(events.OfType<ParcelDelivered>()).DeliveredAt.ToUnixTimeSeconds());
        Assert.Equal(3, events.OfType<TrackingEventRecorded>().Count()); // DR1, ND1, DI1, once each
        Assert.Empty(events.OfType<ParcelReturnedToWarehouse>());
    }

    [Fact]
    public async Task The_Mondial_Relay_sandbox_checks_the_security_key_STAT_97_and_knows_its_parcels_STAT_94()
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System);
        services.AddHttpClient();
        CarrierDirectory.Register(services, Configuration(carriers.Urls.First(), privateKey: "WrongKey"));
        await using var provider = services.BuildServiceProvider();
        var wrongKey = provider.GetRequiredService<CarrierDirectory>().For("mondial-relay")!;
        var rightKey = service.Services.GetRequiredService<CarrierDirectory>().For("mondial-relay")!;

        var refused = await Assert.ThrowsAsync<CarrierRejectedException>(() => wrongKey.SearchPickupPointsAsync("75002", "FR", CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<CarrierRejectedException>(() => rightKey.ReadTrackingAsync("99999999", CancellationToken.None));
        var points = await rightKey.SearchPickupPointsAsync("75002", "FR", CancellationToken.None);

        Assert.Equal("mondial-relay-stat-97", refused.Code);
        Assert.Equal("mondial-relay-stat-94", unknown.Code);
        Assert.Equal(CarrierLedger.PickupPoints(CarrierLedger.MondialRelay, "75002", "FR").Select(p => p.Id), points.Select(p => p.Id));
    }

    private static IConfiguration Configuration(string sandbox, string privateKey) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Shipping:SenderName"] = "Kaporal",
        ["Shipping:LabelRetryDelay"] = "00:00:01",
        ["Shipping:Carriers:MondialRelay:WsiAddress"] = $"{sandbox}/carriers/mondial-relay/Web_Services.asmx",
        ["Shipping:Carriers:MondialRelay:ConnectAddress"] = $"{sandbox}/carriers/mondial-relay/api/shipment",
        ["Shipping:Carriers:MondialRelay:Enseigne"] = "BDTEST13",
        ["Shipping:Carriers:MondialRelay:PrivateKey"] = privateKey,
        ["Shipping:Carriers:MondialRelay:Login"] = "BDTEST@business-api.mondialrelay.com",
        ["Shipping:Carriers:MondialRelay:Password"] = "SandboxConnect1",
        ["Shipping:Carriers:MondialRelay:CustomerId"] = "BDTEST",
        ["Shipping:Carriers:LaPoste:SlsAddress"] = $"{sandbox}/carriers/la-poste/sls-ws/SlsServiceWSRest/2.0/",
        ["Shipping:Carriers:LaPoste:PickupPointsAddress"] = $"{sandbox}/carriers/la-poste/pointretrait-ws-cxf/rest/v2/pointretrait/",
        ["Shipping:Carriers:LaPoste:TrackingAddress"] = $"{sandbox}/carriers/la-poste/suivi/v2/",
        ["Shipping:Carriers:LaPoste:ContractNumber"] = "800000",
        ["Shipping:Carriers:LaPoste:Password"] = "SandboxSls1",
        ["Shipping:Carriers:LaPoste:OkapiKey"] = "sandbox-okapi-key",
    }).Build();

    private static OrderHandedToLogistics HandedOff(string carrier, string mode, string? pickupPointId) => new(Guid.NewGuid(), "CMD-" + Random.Shared.Next(100_000),
        [new OrderedLine("1", "ROBE-38", 1, 4990), new OrderedLine("2", "JEAN-40", 2, 5990), new OrderedLine("3", "PULL-M", 1, 3990)],
        new OrderDelivery(carrier, mode, pickupPointId), Camille, DateTimeOffset.UtcNow, Guid.NewGuid());

    private async Task<IBusControl> BusAsync()
    {
        var bus = service.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Patience);
        return bus;
    }

    /// <summary>The order reaches the warehouse and these lines are packed; the shipment's id.</summary>
    private async Task<Guid> ShipAsync(OrderHandedToLogistics handedOff, params (string LineId, int Quantity)[] lines)
    {
        await using var session = Store.LightweightSession();
        session.Events.StartStream<OrderToShip>(handedOff.OrderId, new OrderReceivedForShipping(handedOff.OrderId, handedOff.OrderNumber, handedOff.CustomerId,
            handedOff.Lines, handedOff.Delivery, handedOff.DeliveryAddress, handedOff.HandedOffAt, null));
        var order = OrderToShip.Create(new OrderReceivedForShipping(handedOff.OrderId, handedOff.OrderNumber, handedOff.CustomerId, handedOff.Lines,
            handedOff.Delivery, handedOff.DeliveryAddress, handedOff.HandedOffAt, null));
        var decision = ShippingDecisions.Ship(order, lines.Select(line => new ShipRequestLine(line.LineId, line.Quantity)).ToList(), [], Guid.NewGuid(),
            DateTimeOffset.UtcNow, oneSellerPerParcel: false);
        session.Events.Append(handedOff.OrderId, decision.OrderEvents);
        session.Events.StartStream<Shipment>(decision.Shipment!.ShipmentId, decision.Shipment);
        await session.SaveChangesAsync();
        return decision.Shipment.ShipmentId;
    }

    private async Task<Shipment> BookedAsync(string carrier, string mode, string? point)
    {
        var shipment = (await Booking.BookAsync(await ShipAsync(HandedOff(carrier, mode, point), ("1", 1)), CancellationToken.None))!;
        Assert.Equal("label-created", shipment.Status);
        return shipment;
    }

    private async Task<IReadOnlyList<object>> StreamAsync(Guid id)
    {
        await using var query = Store.QuerySession();
        return (await query.Events.FetchStreamAsync(id)).Select(e => e.Data).ToList();
    }
}
