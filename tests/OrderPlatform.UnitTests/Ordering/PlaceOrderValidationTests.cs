using OrderPlatform.Ordering.Features.PlaceOrder;
using OrderPlatform.ServiceDefaults;
using static OrderPlatform.UnitTests.Ordering.OrderingTestData;

namespace OrderPlatform.UnitTests.Ordering;

/// <summary>Checkout's field-level checks, named as the storefront sends the fields.</summary>
public sealed class PlaceOrderValidationTests
{
    private static readonly AddressInput Address = new("Camille", "Durand", "12 rue de la Paix", null, "75002", "Paris", "FR", "06 12 34 56 78");

    private static PlaceOrderRequest Valid() => new([new("ROBE-ETE-38", 1)], Address, null, new DeliveryInput("mondial-relay", "relay-point", "020340"),
        null, new PaymentInput("card", "tok_visa", null));

    [Fact]
    public void A_complete_checkout_has_no_errors()
    {
        Assert.Empty(PlaceOrderValidation.Validate(Valid(), Policy()));
    }

    [Fact]
    public void Without_a_delivery_address_or_a_phone_the_order_is_refused_naming_the_field_FR_01()
    {
        Assert.Contains("deliveryAddress", PlaceOrderValidation.Validate(Valid() with { DeliveryAddress = null }, Policy()).Keys);
        Assert.Equal(["deliveryAddress.phone"], PlaceOrderValidation.Validate(Valid() with { DeliveryAddress = Address with { Phone = null } }, Policy()).Keys);
        Assert.Equal(["deliveryAddress.city", "deliveryAddress.line1"],
            PlaceOrderValidation.Validate(Valid() with { DeliveryAddress = Address with { Line1 = " ", City = null } }, Policy()).Keys.Order());
    }

    [Fact]
    public void The_recipients_name_is_required_and_every_field_fits_the_chosen_carriers_label_FR_01()
    {
        var noName = PlaceOrderValidation.Validate(Valid() with { DeliveryAddress = Address with { FirstName = null, LastName = " " } }, Policy());
        var longLine = Address with { Line1 = "Résidence des Jardins de la Fontaine, bâtiment B" }; // 48 characters

        Assert.Equal(["deliveryAddress.firstName", "deliveryAddress.lastName"], noName.Keys.Order());
        Assert.Equal(["deliveryAddress.line1"], PlaceOrderValidation.Validate(Valid() with { DeliveryAddress = longLine }, Policy()).Keys);
        Assert.Equal(["deliveryAddress.line2"],
            PlaceOrderValidation.Validate(Valid() with { DeliveryAddress = Address with { Line2 = new string('x', 33) } }, Policy()).Keys);
        Assert.Empty(PlaceOrderValidation.Validate(Valid() with { DeliveryAddress = Address with { Line2 = new string('x', 32) } }, Policy()));
    }

    [Theory]
    [InlineData("credit:0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("gift:CADEAU-1")]
    [InlineData(" Credit:0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("prepaid_0f8fad5bd9cb469fa16570867728950e")]
    public void A_token_naming_the_shops_own_ledger_is_refused_naming_the_field_FR_25(string token)
    {
        var errors = PlaceOrderValidation.Validate(Valid() with { Payment = new PaymentInput("card", token, null) }, Policy());

        Assert.Equal(["payment.token"], errors.Keys);
    }

    [Fact]
    public void A_home_delivery_address_fits_the_return_carriers_label_too_so_a_return_label_is_never_refused_FR_12()
    {
        // Delivered by La Poste (35 characters), returned through Mondial Relay (32): 33 characters would pass the delivery, fail the return.
        var home = Valid() with { Delivery = new DeliveryInput("la-poste", "home", null), DeliveryAddress = Address with { Line1 = new string('x', 33) } };

        Assert.Equal(["deliveryAddress.line1"], PlaceOrderValidation.Validate(home, Policy()).Keys);
        Assert.Empty(PlaceOrderValidation.Validate(home with { DeliveryAddress = Address with { Line1 = new string('x', 32) } }, Policy()));
    }

    [Fact]
    public void Each_bad_line_is_named_with_its_index()
    {
        var errors = PlaceOrderValidation.Validate(Valid() with { Lines = [new("ROBE-ETE-38", 1), new(" ", 0), new("JEAN", 100)] }, Policy());

        Assert.Equal(["lines[1].quantity", "lines[1].sku", "lines[2].quantity"], errors.Keys.Order());
        Assert.Contains("lines", PlaceOrderValidation.Validate(Valid() with { Lines = [] }, Policy()).Keys);
    }

    [Fact]
    public void The_delivery_must_be_one_the_shop_offers_with_a_pickup_point_where_one_is_collected()
    {
        Assert.Contains("delivery.carrier", PlaceOrderValidation.Validate(Valid() with { Delivery = new("dhl", "home", null) }, Policy()).Keys);
        Assert.Contains("delivery.mode", PlaceOrderValidation.Validate(Valid() with { Delivery = new("mondial-relay", "home", null) }, Policy()).Keys);
        Assert.Contains("delivery.pickupPointId", PlaceOrderValidation.Validate(Valid() with { Delivery = new("mondial-relay", "relay-point", null) }, Policy()).Keys);
        Assert.Empty(PlaceOrderValidation.Validate(Valid() with { Delivery = new("la-poste", "home", null) }, Policy()));
        // The carrier's own id, or the label would be refused at shipment.
        Assert.Contains("delivery.pickupPointId", PlaceOrderValidation.Validate(Valid() with { Delivery = new("mondial-relay", "relay-point", "MR-075-0042") }, Policy()).Keys);
        Assert.Empty(PlaceOrderValidation.Validate(Valid() with { Delivery = new("mondial-relay", "relay-point", "FR-020340") }, Policy()));
    }

    [Theory]
    [InlineData("fashion-retail", "paypal", true)]
    [InlineData("fashion-retail", "store-credit", true)]
    [InlineData("fashion-retail", "klarna", false)]
    [InlineData("japan-import", "revolut-pay", true)]
    [InlineData("japan-import", "paypal", false)]
    [InlineData("marketplace", "klarna", true)]
    [InlineData("marketplace", "store-credit", false)]
    public void Only_the_shops_payment_methods_are_accepted_FR_25_JI_01_MP_07(string preset, string method, bool accepted)
    {
        var request = Valid() with { Payment = new PaymentInput(method, "tok_1", null), Delivery = new("la-poste", "home", null) };

        Assert.Equal(accepted, !PlaceOrderValidation.Validate(request, Policy(preset)).ContainsKey("payment.method"));
    }

    [Fact]
    public void A_card_needs_the_payment_forms_token()
    {
        Assert.Contains("payment.token", PlaceOrderValidation.Validate(Valid() with { Payment = new PaymentInput("card", null, null) }, Policy()).Keys);
    }

    [Fact]
    public void Two_different_codes_stack_and_are_refused_the_same_code_twice_does_not_FR_28()
    {
        Assert.True(PlaceOrderValidation.StacksCodes(Valid() with { PromoCode = "BIENVENUE", PromoCodes = ["NOEL"] }));
        Assert.False(PlaceOrderValidation.StacksCodes(Valid() with { PromoCode = "bienvenue", PromoCodes = ["BIENVENUE "] }));
        Assert.Equal("BIENVENUE", PlaceOrderValidation.CodeOf(Valid() with { PromoCode = " bienvenue" }));
    }
}
