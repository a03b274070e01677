extern alias catalog;
using catalog::OrderPlatform.Catalog.Domain;

namespace OrderPlatform.UnitTests.Catalog;

public sealed class RestockingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Product Article(bool outlet = false) =>
        new("theiere", "Théière", "En fonte.", "Fonte", ["/t.jpg"], "Thé/Théières", 8900, outlet, FinalSale: false, Seller.HouseId, Published: true,
            [new Sku("THEIERE", null, null)]);

    private static Backorder Waiting(int quantity, int hoursAgo) =>
        new(Guid.NewGuid().ToString("N"), Guid.NewGuid(), "1", "THEIERE", quantity, Monday.AddHours(-hoursAgo));

    [Fact]
    public void An_outlet_article_is_never_restocked_FR_22()
    {
        var (level, _, refusal) = Restocking.Restock(Article(outlet: true), new StockLevel("THEIERE", 0), new StockChange(null, 10), []);

        Assert.Null(level);
        Assert.Equal("Outlet articles are never restocked.", refusal);
    }

    [Fact]
    public void A_restock_serves_backorders_oldest_first_each_whole_JI_09()
    {
        var oldest = Waiting(2, hoursAgo: 30);
        var middle = Waiting(3, hoursAgo: 20);
        var newest = Waiting(1, hoursAgo: 10);

        var (level, served, refusal) = Restocking.Restock(Article(), new StockLevel("THEIERE", 0), new StockChange(null, 4), [newest, middle, oldest]);

        Assert.Null(refusal);
        Assert.Equal([oldest], served); // the middle one needs 3 of the 2 left, and the newest waits its turn
        Assert.Equal(new StockLevel("THEIERE", OnHand: 4, Reserved: 2), level);
    }

    [Fact]
    public void Units_an_order_gives_back_serve_the_oldest_backorders_of_their_sku_only_JI_09()
    {
        var oldest = Waiting(1, hoursAgo: 30);
        var newest = Waiting(1, hoursAgo: 10);
        var otherSku = Waiting(1, hoursAgo: 40) with { Sku = "BOL-RAKU" };

        // Two units reserved of three: one is free again, as when a cancelled order's reservation is released.
        var (level, served) = Restocking.Serve(new StockLevel("THEIERE", OnHand: 3, Reserved: 2), [newest, otherSku, oldest]);

        Assert.Equal([oldest], served);
        Assert.Equal(new StockLevel("THEIERE", OnHand: 3, Reserved: 3), level);
        Assert.Empty(Restocking.Serve(new StockLevel("THEIERE", OnHand: 3, Reserved: 3), [newest]).Served); // nothing free, nobody served
    }

    [Fact]
    public void Setting_the_count_below_what_is_reserved_is_refused()
    {
        var (level, _, refusal) = Restocking.Restock(Article(), new StockLevel("THEIERE", OnHand: 5, Reserved: 3), new StockChange(2, null), []);

        Assert.Null(level);
        Assert.NotNull(refusal);
    }

    [Theory]
    [InlineData(null, null, "onHand")]
    [InlineData(3, 2, "onHand")]
    [InlineData(-1, null, "onHand")]
    [InlineData(null, 0, "add")]
    public void A_change_is_a_count_or_a_delivery_never_both_never_negative(int? onHand, int? add, string field)
    {
        Assert.Contains(field, new StockChange(onHand, add).Validate().Keys);
    }
}
