extern alias catalog;
using catalog::OrderPlatform.Catalog.Domain;

namespace OrderPlatform.UnitTests.Catalog;

/// <summary>A seller's own products: all-in price, days to ship, published only for a certified seller [MP-01, MP-02, MP-08].</summary>
public sealed class SellerProductTests
{
    private static readonly Seller Atelier = new("atelier-732829320", "Atelier", Certified: true);

    private static SellerProductRequest Request(long? priceCents = 4500, int? days = 2, bool? published = null, params SellerSkuRequest[] skus) =>
        new("Tablier en lin", "Brodé main.", "100 % lin", "Maison/Cuisine", priceCents, days, null, skus.Length > 0 ? skus : [new("TABLIER-BRODE", null, "Écru")],
            published);

    [Fact]
    public void A_certified_sellers_product_is_published_at_its_all_in_price_with_its_delay_MP_01_MP_02_MP_08()
    {
        Assert.Empty(SellerProducts.Validate(Request()));

        var product = SellerProducts.Create("tablier-en-lin-0a1b2c", Atelier, Request());

        Assert.Equal((true, 4500L, 2, Atelier.Id), (product.Published, product.PriceCents, product.ShipsWithinDays, product.SellerId));
        Assert.False(SellerProducts.Create("x", Atelier, Request(published: false)).Published);
    }

    [Fact]
    public void An_uncertified_sellers_product_is_kept_unpublished_and_publishing_it_is_refused_MP_01()
    {
        var uncertified = Atelier with { Certified = false };

        var product = SellerProducts.Create("x", uncertified, Request());

        Assert.False(product.Published);
        Assert.NotNull(SellerProducts.Change(product, uncertified, new SellerProductChange(null, null, null, null, null, Published: true)).Refusal);
        Assert.True(SellerProducts.Change(product, Atelier, new SellerProductChange(null, null, null, null, null, Published: true)).Changed!.Published);
    }

    [Fact]
    public void A_product_needs_a_price_a_delay_to_ship_and_well_formed_distinct_skus_MP_02_MP_08()
    {
        Assert.Contains("priceCents", SellerProducts.Validate(Request(priceCents: null)).Keys);
        Assert.Contains("priceCents", SellerProducts.Validate(Request(priceCents: 0)).Keys);
        Assert.Contains("shipsWithinDays", SellerProducts.Validate(Request(days: null)).Keys);
        Assert.Contains("shipsWithinDays", SellerProducts.Validate(Request(days: 31)).Keys);
        Assert.Contains("skus[0].code", SellerProducts.Validate(Request(skus: new SellerSkuRequest("a b", null, null))).Keys);
        Assert.Contains("skus", SellerProducts.Validate(Request(skus: [new("ABC", null, null), new("ABC", null, null)])).Keys);
        Assert.Contains("priceCents", SellerProducts.Validate(new SellerProductChange(null, null, null, -1, null, null)).Keys);
    }

    [Fact]
    public void A_change_keeps_what_it_leaves_out_and_ids_differ_for_the_same_name()
    {
        var product = SellerProducts.Create("x", Atelier, Request());

        var changed = SellerProducts.Change(product, Atelier, new SellerProductChange(null, null, null, 3900, null, null)).Changed!;

        Assert.Equal((3900L, "Tablier en lin", 2), (changed.PriceCents, changed.Name, changed.ShipsWithinDays));
        Assert.StartsWith("tablier-en-lin-", SellerProducts.NewId("Tablier en lin", System.Security.Cryptography.RandomNumberGenerator.GetBytes), StringComparison.Ordinal);
        Assert.NotEqual(SellerProducts.NewId("Tablier en lin", System.Security.Cryptography.RandomNumberGenerator.GetBytes),
            SellerProducts.NewId("Tablier en lin", System.Security.Cryptography.RandomNumberGenerator.GetBytes));
    }

    [Fact]
    public void A_suspended_seller_has_its_products_withdrawn_and_cannot_publish_until_reinstated_MP_01()
    {
        var now = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
        var published = SellerProducts.Create("a", Atelier, Request());
        var draft = SellerProducts.Create("b", Atelier, Request(published: false));

        var (suspended, withdrawn, refusal) = SellerSuspension.Suspend(Atelier, [published, draft], "Contrefaçons signalées", now);

        Assert.Null(refusal);
        Assert.Equal(("a", false), (Assert.Single(withdrawn).Id, withdrawn[0].Published));
        Assert.Contains("suspended", SellerProducts.Change(withdrawn[0], suspended!, new SellerProductChange(null, null, null, null, null, true)).Refusal,
            StringComparison.Ordinal);
        Assert.NotNull(SellerSuspension.Suspend(suspended!, [], "Encore", now).Refusal);
        Assert.NotNull(SellerSuspension.Suspend(Seller.House("Kaporal"), [], "Non", now).Refusal);
        var (reinstated, _) = SellerSuspension.Reinstate(suspended!);
        Assert.True(SellerProducts.Change(withdrawn[0], reinstated!, new SellerProductChange(null, null, null, null, null, true)).Changed!.Published);
        Assert.NotNull(SellerSuspension.Reinstate(reinstated!).Refusal);
    }
}
