extern alias returns;

using OrderPlatform.Contracts;
using returns::OrderPlatform.Returns.Domain;

namespace OrderPlatform.UnitTests.Returns;

/// <summary>What a claim must carry per kind and shop, and how it is settled.</summary>
public sealed class ClaimDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static ReturnableOrder Shipped()
    {
        var order = ReturnableOrder.Create(new OrderRecordedForReturns(Guid.NewGuid(), "CMD-1", Guid.NewGuid(),
            [new OrderedLine("1", "ROBE-38", 1, 4990), new OrderedLine("2", "JEAN-40", 2, 5990, 1000)], 390, null, Now.AddDays(-5)));
        return order.Next(new ShipmentRecordedForReturns(Guid.NewGuid(), [new("1", "ROBE-38", 1), new("2", "JEAN-40", 2)]));
    }

    private static (ClaimFiled? Filed, IReadOnlyDictionary<string, string[]>? Invalid, string? Conflict) File(string kind, string? lineId = null,
        string? tracking = null, string? photo = null, bool japan = false, ReturnableOrder? order = null) =>
        ClaimDecisions.File(order ?? Shipped(), kind, lineId, tracking, null, photo, japan, Guid.NewGuid(), Now);

    [Fact]
    public void A_missing_item_is_reported_with_its_order_line_FR_04()
    {
        Assert.Equal("2", File("missing", lineId: "2").Filed!.LineId);
        Assert.Contains("lineId", File("missing").Invalid!.Keys);
        Assert.Contains("lineId", File("missing", lineId: "9").Invalid!.Keys);
    }

    [Fact]
    public void A_defective_item_needs_its_line_and_a_photo_FR_05()
    {
        Assert.True(File("defective", lineId: "1", photo: "image/jpeg").Filed!.HasPhoto);
        Assert.Contains("photo", File("defective", lineId: "1").Invalid!.Keys);
    }

    [Fact]
    public void In_japan_import_a_missing_item_needs_the_tracking_number_and_a_photo_of_the_parcel_JI_12()
    {
        var invalid = File("missing", lineId: "1", japan: true).Invalid!;

        Assert.Contains("trackingNumber", invalid.Keys);
        Assert.Contains("photo", invalid.Keys);
        Assert.Equal("6A123", File("missing", lineId: "1", tracking: " 6A123 ", photo: "image/png", japan: true).Filed!.TrackingNumber);
    }

    [Fact]
    public void A_damaged_item_needs_a_photo_and_a_claim_needs_a_shipped_order_JI_13()
    {
        Assert.Contains("photo", File("damaged").Invalid!.Keys);
        Assert.NotNull(File("damaged", photo: "image/webp").Filed);
        var unshipped = ReturnableOrder.Create(new OrderRecordedForReturns(Guid.NewGuid(), "CMD-2", Guid.NewGuid(), [new OrderedLine("1", "A", 1, 100)], 0, null, Now));
        Assert.NotNull(File("damaged", photo: "image/webp", order: unshipped).Conflict);
        Assert.Contains("kind", File("lost-interest").Invalid!.Keys);
    }

    [Fact]
    public void Ops_refund_one_unit_of_the_claimed_line_for_that_line_unless_they_say_less_once_FR_05_ALL_02()
    {
        var order = Shipped();
        var claim = CustomerClaim.Create(ClaimDecisions.File(order, "defective", "2", null, null, "image/jpeg", false, Guid.NewGuid(), Now).Filed!);

        var (events, problem) = ClaimDecisions.Resolve(claim, order, "refund", null, "couture défaite", Now);

        Assert.Null(problem);
        var refund = Assert.Single(events.OfType<RefundRequested>());
        Assert.Equal((5990 - 500, "original"), (refund.AmountCents, refund.Destination)); // one jean of two, its share of the discount
        Assert.Equal([new ShippedLine("2", "JEAN-40", 1)], refund.ForLines);
        var resolved = claim.Apply(events.OfType<ClaimResolved>().Single());
        Assert.NotNull(ClaimDecisions.Resolve(resolved, order, "refund", null, null, Now).Problem);
        Assert.Empty(ClaimDecisions.Resolve(claim, order, "replacement", null, null, Now).Events.OfType<RefundRequested>());
        Assert.NotNull(ClaimDecisions.Resolve(claim, order, "refund", 5991 - 500, null, Now).Problem); // more than the unit is worth
        Assert.Equal(1000, ClaimDecisions.Resolve(claim, order, "refund", 1000, null, Now).Events.OfType<RefundRequested>().Single().AmountCents);
        var told = Assert.Single(events.OfType<ClaimSettled>());
        Assert.Equal(("refund", 5990 - 500L), (told.Outcome, told.RefundCents));
    }

    [Fact]
    public void A_unit_is_claimed_once_returned_or_claimed_never_both_and_a_line_never_shipped_cannot_be_claimed_FR_04_ALL_02()
    {
        var order = ReturnableOrder.Create(new OrderRecordedForReturns(Guid.NewGuid(), "CMD-3", Guid.NewGuid(),
            [new OrderedLine("1", "ROBE-38", 1, 4990), new OrderedLine("2", "JEAN-40", 2, 5990), new OrderedLine("3", "CEINTURE", 1, 1990)], 390, null, Now));
        var parcel = Guid.NewGuid();
        order = order.Next(new ShipmentRecordedForReturns(parcel, [new("1", "ROBE-38", 1), new("2", "JEAN-40", 1)])) // the belt was missing at the warehouse
            .Next(new DeliveryRecordedForReturns(parcel, Now));
        var first = File("defective", "1", photo: "image/jpeg", order: order).Filed!;
        order = order.Next(ClaimDecisions.UnitTaken(first, order)!);

        Assert.NotNull(File("defective", "1", photo: "image/jpeg", order: order).Conflict); // the dress's one unit is claimed
        Assert.Equal(0, order.Returnable("1")); // nor can it be returned
        Assert.NotNull(File("missing", "3", order: order).Conflict); // never shipped: the warehouse declared it missing, Payment never charged it
        var jean = File("missing", "2", order: order).Filed!;
        order = order.Next(new LinesReturning(Guid.NewGuid(), [new("2", "JEAN-40", 1)]));
        Assert.Equal(0, order.Claimable("2")); // the jean shipped is coming back: nothing left to claim
        Assert.NotNull(File("missing", "2", order: order).Conflict);
        Assert.NotNull(jean);
    }

    [Fact]
    public void A_refused_claim_or_one_settled_by_a_replacement_gives_its_unit_back_and_a_replacement_is_not_one_more_unit_to_return_ALL_02()
    {
        var order = ReturnableOrder.Create(new OrderRecordedForReturns(Guid.NewGuid(), "CMD-4", Guid.NewGuid(), [new OrderedLine("1", "ROBE-38", 1, 4990)], 390,
            null, Now));
        var parcel = Guid.NewGuid();
        order = order.Next(new ShipmentRecordedForReturns(parcel, [new("1", "ROBE-38", 1)])).Next(new DeliveryRecordedForReturns(parcel, Now));
        var filed = File("defective", "1", photo: "image/jpeg", order: order).Filed!;
        order = order.Next(ClaimDecisions.UnitTaken(filed, order)!);
        var claim = CustomerClaim.Create(filed);

        Assert.Null(ClaimDecisions.UnitReleased(claim, order, CustomerClaim.Refund)); // refunded: the unit is spent
        order = order.Next(ClaimDecisions.UnitReleased(claim, order, CustomerClaim.Replacement)!);
        var replacement = Guid.NewGuid();
        order = order.Next(new ShipmentRecordedForReturns(replacement, [new("1", "ROBE-38", 1)])).Next(new DeliveryRecordedForReturns(replacement, Now));

        Assert.Equal(1, order.Delivered("1")); // two parcels, one dress paid for
        Assert.Equal(1, order.Returnable("1"));
        order = order.Next(new LinesReturning(Guid.NewGuid(), [new("1", "ROBE-38", 1)]));
        Assert.Equal(0, order.Returnable("1")); // the replacement returned once, never twice
    }

    [Fact]
    public void On_an_order_of_several_sellers_a_refund_for_a_claim_naming_no_line_names_the_line_its_seller_gives_back_MP_10()
    {
        var order = ReturnableOrder.Create(new OrderRecordedForReturns(Guid.NewGuid(), "CMD-5", Guid.NewGuid(),
            [new OrderedLine("1", "TABLIER", 1, 4500, 0, "Tablier", "atelier"), new OrderedLine("2", "BOL", 1, 3200, 0, "Bol", "brocante")], 0, null, Now));
        order = order.Next(new ShipmentRecordedForReturns(Guid.NewGuid(), [new("1", "TABLIER", 1), new("2", "BOL", 1)]));
        var damaged = CustomerClaim.Create(File("damaged", photo: "image/jpeg", order: order).Filed!);

        Assert.Contains("lineId", ClaimDecisions.Resolve(damaged, order, "refund", 1000, null, Now).Problem, StringComparison.Ordinal);
        var (events, problem) = ClaimDecisions.Resolve(damaged, order, "refund", null, null, Now, lineId: "2");

        Assert.Null(problem);
        var refund = Assert.Single(events.OfType<RefundRequested>());
        Assert.Equal((3200L, "2"), (refund.AmountCents, refund.ForLines!.Single().LineId));
        Assert.Equal("2", ClaimDecisions.UnitTakenAtResolution(damaged, events)!.Lines.Single().LineId);
    }

    [Fact]
    public void A_replacement_ships_one_unit_of_the_claimed_line_free_and_a_refusal_says_why_FR_33()
    {
        var order = Shipped();
        var claim = CustomerClaim.Create(ClaimDecisions.File(order, "defective", "2", null, null, "image/jpeg", false, Guid.NewGuid(), Now).Filed!);
        var damaged = CustomerClaim.Create(ClaimDecisions.File(order, "damaged", null, null, null, "image/jpeg", false, Guid.NewGuid(), Now).Filed!);

        var (replaced, problem) = ClaimDecisions.Resolve(claim, order, "replacement", null, null, Now);

        Assert.Null(problem);
        var again = Assert.Single(replaced.OfType<ReplacementShipmentRequested>());
        Assert.Equal([new ShippedLine("2", order.Lines[1].Sku, 1)], again.Lines);
        Assert.Equal($"claim:{claim.Id:N}", again.RequestId);
        Assert.Equal("replacement", Assert.Single(replaced.OfType<ClaimSettled>()).Outcome);
        Assert.NotNull(ClaimDecisions.Resolve(damaged, order, "replacement", null, null, Now).Problem); // no line to send again
        Assert.NotNull(ClaimDecisions.Resolve(claim, order, "refused", null, " ", Now).Problem);
        var refused = Assert.Single(ClaimDecisions.Resolve(claim, order, "refused", null, "Usure normale après 8 mois", Now).Events.OfType<ClaimSettled>());
        Assert.Equal(("refused", "Usure normale après 8 mois"), (refused.Outcome, refused.Note));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'E', (byte)'B', (byte)'P', 0 }, "image/webp")]
    [InlineData(new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F' }, null)]
    public void A_photo_is_what_its_bytes_say_not_what_the_upload_claims(byte[] content, string? type) => Assert.Equal(type, OrderPlatform.Shops.Uploads.UploadedPhoto.ImageType(content));
}
