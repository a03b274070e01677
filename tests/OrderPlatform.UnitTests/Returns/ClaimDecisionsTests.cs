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
    public void Ops_refund_the_lines_amount_unless_they_say_otherwise_once()
    {
        var order = Shipped();
        var claim = CustomerClaim.Create(ClaimDecisions.File(order, "defective", "2", null, null, "image/jpeg", false, Guid.NewGuid(), Now).Filed!);

        var (events, problem) = ClaimDecisions.Resolve(claim, order, "refund", null, "couture défaite", Now);

        Assert.Null(problem);
        var refund = Assert.Single(events.OfType<RefundRequested>());
        Assert.Equal((2 * 5990 - 1000, "original"), (refund.AmountCents, refund.Destination));
        var resolved = claim.Apply(events.OfType<ClaimResolved>().Single());
        Assert.NotNull(ClaimDecisions.Resolve(resolved, order, "refund", null, null, Now).Problem);
        Assert.Empty(ClaimDecisions.Resolve(claim, order, "replacement", null, null, Now).Events.OfType<RefundRequested>());
        var told = Assert.Single(events.OfType<ClaimSettled>());
        Assert.Equal(("refund", 2 * 5990 - 1000L), (told.Outcome, told.RefundCents));
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
    public void A_photo_is_what_its_bytes_say_not_what_the_upload_claims(byte[] content, string? type) => Assert.Equal(type, OrderPlatform.ServiceDefaults.Uploads.UploadedPhoto.ImageType(content));
}
