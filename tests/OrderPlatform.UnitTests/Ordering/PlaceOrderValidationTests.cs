using OrderPlatform.Ordering.Features.PlaceOrder;

namespace OrderPlatform.UnitTests.Ordering;

public sealed class PlaceOrderValidationTests
{
    [Fact]
    public void An_order_without_lines_is_refused_on_the_lines_field()
    {
        Assert.Contains("lines", PlaceOrderValidation.Validate(new PlaceOrderRequest(null)).Keys);
        Assert.Contains("lines", PlaceOrderValidation.Validate(new PlaceOrderRequest([])).Keys);
    }

    [Fact]
    public void Each_bad_line_is_named_with_its_index()
    {
        var errors = PlaceOrderValidation.Validate(new PlaceOrderRequest([new("ROBE-ETE-38", 1), new(" ", 0), new("JEAN", 100)]));

        Assert.Equal(["lines[1].quantity", "lines[1].sku", "lines[2].quantity"], errors.Keys.Order());
    }

    [Fact]
    public void A_good_order_has_no_errors()
    {
        Assert.Empty(PlaceOrderValidation.Validate(new PlaceOrderRequest([new("ROBE-ETE-38", 1), new("JEAN-SLIM-40", 99)])));
    }
}
