extern alias catalog;
using catalog::OrderPlatform.Catalog.DemoData;
using catalog::OrderPlatform.Catalog.Domain;

namespace OrderPlatform.UnitTests.Catalog;

public sealed class PricingTests
{
    private static readonly IReadOnlyList<Product> Catalogue = FashionCatalogue.Products();

    [Fact]
    public void Each_line_is_priced_VAT_included_with_its_product_flags_and_seller()
    {
        var dress = Catalogue.First(product => product.Name == "Robe d'été fleurie");
        var sku = dress.Skus[0];

        var (priced, errors) = Pricing.Price([(sku.Code, 2)], Catalogue);

        Assert.Empty(errors);
        var line = Assert.Single(priced!.Lines);
        Assert.Equal(new PricedLine(sku.Code, 2, dress.PriceCents, dress.Id, dress.Name, sku.Size, sku.Colour, dress.Outlet, dress.FinalSale, Seller.HouseId), line);
        Assert.Equal(dress.PriceCents * 2, priced.TotalCents);
    }

    [Fact]
    public void An_unknown_or_unpublished_sku_is_refused_on_its_line()
    {
        var unpublished = Catalogue[0] with { Published = false };

        var (priced, errors) = Pricing.Price([(Catalogue[1].Skus[0].Code, 1), ("INCONNU", 1), (unpublished.Skus[0].Code, 1)], [unpublished, Catalogue[1]]);

        Assert.Null(priced);
        Assert.Equal(["lines[1].sku", "lines[2].sku"], errors.Keys.Order());
    }

    [Fact]
    public void A_marketplace_line_carries_its_sellers_own_delay_to_ship_MP_08()
    {
        var plaid = SmallCatalogues.Marketplace("atelier-lyonnais").Single(product => product.Id == "plaid-laine");

        var (priced, _) = Pricing.Price([(plaid.Skus[0].Code, 1)], [plaid]);

        Assert.Equal(5, Assert.Single(priced!.Lines).ShipsWithinDays);
        Assert.Null(Pricing.Price([(Catalogue[0].Skus[0].Code, 1)], Catalogue).Priced!.Lines[0].ShipsWithinDays); // the house gives none
    }
}
