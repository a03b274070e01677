extern alias catalog;
using OrderPlatform.Shops;
using catalog::OrderPlatform.Catalog.DemoData;
using catalog::OrderPlatform.Catalog.Domain;
using catalog::OrderPlatform.Catalog.Features.Products;
using catalog::OrderPlatform.Catalog.Features.Stores;

namespace OrderPlatform.UnitTests.Catalog;

public sealed class CatalogRulesTests
{
    private static Product Dress(string sellerId = Seller.HouseId, bool outlet = false) =>
        new("robe-test", "Robe test", "Une robe.", "100 % coton", ["/a.jpg"], "Femme/Robes", 4999, outlet, FinalSale: false,
            sellerId, Published: true, [new Sku("ROBE-TEST-M", "M", "Noir")]);

    [Fact]
    public void A_product_of_an_uncertified_seller_cannot_be_published_MP_01()
    {
        var reason = Publication.WhyNotPublishable(Dress("vendeur-x"), new Seller("vendeur-x", "Vendeur X", Certified: false));

        Assert.NotNull(reason);
        Assert.Contains("certified", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_of_a_certified_seller_can_be_published_MP_01()
    {
        Assert.Null(Publication.WhyNotPublishable(Dress("atelier"), new Seller("atelier", "Atelier SARL", Certified: true)));
        Assert.NotNull(Publication.WhyNotPublishable(Dress("inconnu"), seller: null));
    }

    [Fact]
    public void A_catalogue_is_published_only_for_its_certified_sellers_MP_01()
    {
        var published = Publication.Apply(
            [Dress("atelier"), Dress("vendeur-x") with { Id = "robe-x" }, Dress("inconnu") with { Id = "robe-y" }],
            [new Seller("atelier", "Atelier SARL", Certified: true), new Seller("vendeur-x", "Vendeur X", Certified: false)]);

        Assert.Equal([true, false, false], published.Select(product => product.Published));
    }

    [Theory]
    [InlineData("marketplace", true)]
    [InlineData("fashion-retail", false)]
    [InlineData("japan-import", false)]
    public void On_the_marketplace_the_product_page_says_the_price_includes_delivery_MP_02(string preset, bool included)
    {
        var prices = catalog::OrderPlatform.Catalog.CatalogProfile.PricePolicy(ShopProfiles.Load(preset));

        Assert.Equal(included, ProductDetail.Of(Dress(), _ => true, prices).DeliveryIncluded);
    }

    [Fact]
    public void An_outlet_article_is_never_restocked_and_says_so_FR_22()
    {
        var detail = ProductDetail.Of(Dress(outlet: true), _ => false, new PricePolicy(false));

        Assert.All(detail.Skus, sku => Assert.False(sku.RestockPossible));
        Assert.All(ProductDetail.Of(Dress(), _ => false, new PricePolicy(false)).Skus, sku => Assert.True(sku.RestockPossible));
    }

    [Fact]
    public void The_product_page_has_description_composition_and_photos_FR_20()
    {
        Assert.All(FashionCatalogue.Products(), product =>
        {
            Assert.False(string.IsNullOrWhiteSpace(product.Description));
            Assert.False(string.IsNullOrWhiteSpace(product.Composition));
            Assert.NotEmpty(product.ImageUrls);
            Assert.NotEmpty(product.Skus);
        });
    }

    [Theory]
    [InlineData("Robe d'été", "robe d ete")]
    [InlineData("  PANTALONS  larges ", "pantalons larges")]
    [InlineData("Liège", "liege")]
    [InlineData("Cœur", "coeur")]
    [InlineData(null, "")]
    public void Search_text_drops_accents_case_and_punctuation(string? text, string expected)
    {
        Assert.Equal(expected, SearchText.Normalize(text));
    }

    [Fact]
    public void The_demo_catalogue_has_about_two_hundred_products_with_unique_ids_and_skus()
    {
        var products = FashionCatalogue.Products();

        Assert.InRange(products.Count, 180, 220);
        Assert.Equal(products.Count, products.Select(product => product.Id).Distinct().Count());
        var skus = products.SelectMany(product => product.Skus).Select(sku => sku.Code).ToList();
        Assert.Equal(skus.Count, skus.Distinct().Count());
        Assert.Contains(products, product => product.Outlet);
        Assert.Contains(products, product => product.FinalSale);
        Assert.Equal(["Femme", "Fille", "Garçon", "Homme"], products.Select(product => product.Category.Split('/')[0]).Distinct().Order());
    }

    [Theory]
    [InlineData(0, null, "page")]
    [InlineData(null, 0, "pageSize")]
    [InlineData(null, 101, "pageSize")]
    public void Bad_paging_is_refused_naming_the_field(int? page, int? pageSize, string field)
    {
        Assert.Contains(field, ProductQuery.Validate(page, pageSize, "robe").Keys);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("75001", "Paris")]
    [InlineData("75A", null)]
    public void A_store_search_takes_one_digit_postal_code_or_one_city(string? postalCode, string? city)
    {
        Assert.Contains("postalCode", StoreSearch.Validate(postalCode, city).Keys);
    }
}
