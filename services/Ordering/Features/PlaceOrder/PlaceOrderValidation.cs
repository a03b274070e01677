using OrderPlatform.Shops;
using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.Ordering.Features.PlaceOrder;

/// <summary>Field-level checks, named as the storefront sends them (camelCase, with the line index).</summary>
public static partial class PlaceOrderValidation
{
    public const int MaxLines = 50;
    public const int MaxQuantity = 99;
    public static readonly IReadOnlyList<string> Countries = ["FR", "BE", "LU", "MC"];

    public static Dictionary<string, string[]> Validate(PlaceOrderRequest request, OrderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new Dictionary<string, string[]>();
        ValidateLines(request.Lines, errors);
        ValidateAddress("deliveryAddress", request.DeliveryAddress, phoneRequired: true, CarrierFieldLength(request.Delivery?.Carrier, policy), errors);
        if (request.BillingAddress is not null)
        {
            ValidateAddress("billingAddress", request.BillingAddress, phoneRequired: false, MaxFieldLength, errors);
        }

        ValidateDelivery(request.Delivery, policy, errors);
        ValidatePayment(request.Payment, policy, errors);
        if (request.PromoCode is { Length: > 40 })
        {
            errors["promoCode"] = ["A promo code has at most 40 characters."];
        }

        return errors;
    }

    /// <summary>One code per order: codes never stack [FR-28].</summary>
    /// <summary>A delivery changed after checkout [JI-06]: the same checks as at checkout, the address against the new carrier's label.</summary>
    public static Dictionary<string, string[]> ValidateDelivery(AddressInput address, DeliveryInput delivery, OrderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new Dictionary<string, string[]>();
        ValidateAddress("deliveryAddress", address, phoneRequired: true, CarrierFieldLength(delivery.Carrier, policy), errors);
        ValidateDelivery(delivery, policy, errors);
        return errors;
    }

    public static bool StacksCodes(PlaceOrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new[] { request.PromoCode }.Concat(request.PromoCodes ?? [])
            .Where(code => !string.IsNullOrWhiteSpace(code)).Select(code => Domain.PromoCode.Normalize(code!)).Distinct().Count() > 1;
    }

    /// <summary>The one code the order uses, if any.</summary>
    public static string? CodeOf(PlaceOrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new[] { request.PromoCode }.Concat(request.PromoCodes ?? [])
            .FirstOrDefault(code => !string.IsNullOrWhiteSpace(code)) is { } code ? Domain.PromoCode.Normalize(code) : null;
    }

    private static void ValidateLines(IReadOnlyList<PlaceOrderLine>? lines, Dictionary<string, string[]> errors)
    {
        if (lines is null || lines.Count == 0)
        {
            errors["lines"] = ["An order needs at least one line."];
            return;
        }

        if (lines.Count > MaxLines)
        {
            errors["lines"] = [$"An order has at most {MaxLines} lines."];
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]?.Sku))
            {
                errors[$"lines[{i}].sku"] = ["The SKU is required."];
            }

            if (lines[i] is null || lines[i].Quantity is < 1 or > MaxQuantity)
            {
                errors[$"lines[{i}].quantity"] = [$"The quantity must be between 1 and {MaxQuantity}."];
            }
        }
    }

    private const int MaxFieldLength = 200;

    /// <summary>
    /// What the chosen carrier's label, and the shop's return carrier's (a return label is printed from the delivery address), take in a name
    /// or address field: longer, or without the recipient's name, a carrier refuses the label after the order was paid.
    /// </summary>
    private static int CarrierFieldLength(string? carrier, OrderPolicy policy) =>
        new[] { carrier, policy.ReturnCarrier }.OfType<string>().Select(CarrierLabels.FieldLength).Append(MaxFieldLength).Min();

    private static void ValidateAddress(string name, AddressInput? address, bool phoneRequired, int maxLength, Dictionary<string, string[]> errors)
    {
        if (address is null)
        {
            errors[name] = ["A delivery address is required to order."];
            return;
        }

        foreach (var (field, value) in (ValueTuple<string, string?>[])[("firstName", address.FirstName), ("lastName", address.LastName), ("line1", address.Line1),
                     ("postalCode", address.PostalCode), ("city", address.City)])
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > maxLength)
            {
                errors[$"{name}.{field}"] = [$"The {field} is required (at most {maxLength} characters, what the carrier prints on the label)."];
            }
        }

        if (address.Line2 is { } line2 && line2.Trim().Length > maxLength)
        {
            errors[$"{name}.line2"] = [$"At most {maxLength} characters, what the carrier prints on the label."];
        }

        if (address.Country is null || !Countries.Contains(address.Country.Trim().ToUpperInvariant()))
        {
            errors[$"{name}.country"] = [$"The shop delivers to {string.Join(", ", Countries)}."];
        }

        if (address.PostalCode is { } postalCode && !string.IsNullOrWhiteSpace(postalCode) && !postalCode.Trim().All(char.IsAsciiLetterOrDigit))
        {
            errors[$"{name}.postalCode"] = ["A postal code has only letters and digits."];
        }

        var digits = (address.Phone ?? "").Trim().TrimStart('+').Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        if ((phoneRequired || !string.IsNullOrWhiteSpace(address.Phone)) && (digits.Length is < 9 or > 15 || !digits.All(char.IsAsciiDigit)))
        {
            errors[$"{name}.phone"] = ["A phone number (9 to 15 digits) is required to order: the carrier calls or texts it."];
        }
    }

    private static void ValidateDelivery(DeliveryInput? delivery, OrderPolicy policy, Dictionary<string, string[]> errors)
    {
        var offered = string.Join(", ", policy.Deliveries.Select(option => $"{option.Carrier}/{option.Mode}"));
        if (delivery is null)
        {
            errors["delivery"] = [$"Choose a delivery: {offered}."];
            return;
        }

        if (policy.DeliveryFor(delivery.Carrier, delivery.Mode) is not { } option)
        {
            errors[policy.Deliveries.Any(o => o.Carrier == delivery.Carrier) ? "delivery.mode" : "delivery.carrier"] =
                [$"This shop delivers by {offered}."];
            return;
        }

        if (option.NeedsPickupPoint && string.IsNullOrWhiteSpace(delivery.PickupPointId))
        {
            errors["delivery.pickupPointId"] = ["Choose the relay point or post office to collect the parcel from."];
        }
        else if (option.NeedsPickupPoint && !PickupPointId().IsMatch(delivery.PickupPointId!))
        {
            // The carrier's own id, as GET /api/shipping/pickup-points lists it: a label for anything else would be refused.
            errors["delivery.pickupPointId"] = ["A pickup point id as the carrier gives it (GET /api/shipping/pickup-points), 5 or 6 digits."];
        }
    }

    private static void ValidatePayment(PaymentInput? payment, OrderPolicy policy, Dictionary<string, string[]> errors)
    {
        if (payment?.Method is not { } method || !policy.PaymentMethods.Contains(method))
        {
            errors["payment.method"] = [$"This shop accepts {string.Join(", ", policy.PaymentMethods)}."];
            return;
        }

        if (PaymentMethods.NeedsPspToken(method) && string.IsNullOrWhiteSpace(payment.Token))
        {
            errors["payment.token"] = ["The payment form's token is required for this method."];
        }
        else if (payment.Token is { } token && PaymentMethods.NamesShopLedger(token))
        {
            // Store credit is the order's own customer's, chosen by Payment (useStoreCredit or the store-credit method) [FR-25].
            errors["payment.token"] = ["A token from the payment form: store credit is chosen with useStoreCredit or the store-credit method, a gift card with giftCardCode."];
        }

        if (payment.UseStoreCredit == true && !policy.PaymentMethods.Contains(PaymentMethods.StoreCredit))
        {
            errors["payment.useStoreCredit"] = ["This shop has no store credit."];
        }

        if (method == PaymentMethods.GiftCard && string.IsNullOrWhiteSpace(payment.GiftCardCode))
        {
            errors["payment.giftCardCode"] = ["The gift card's code is required."];
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^([A-Z]{2}-)?[0-9]{5,6}$")]
    private static partial System.Text.RegularExpressions.Regex PickupPointId();
}
