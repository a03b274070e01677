namespace OrderPlatform.Ordering.Features.PlaceOrder;

/// <summary>Field-level checks, named as the storefront sends them (camelCase, with the line index).</summary>
public static class PlaceOrderValidation
{
    public const int MaxLines = 50;
    public const int MaxQuantity = 99;

    public static Dictionary<string, string[]> Validate(PlaceOrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (request.Lines is null || request.Lines.Count == 0)
        {
            errors["lines"] = ["An order needs at least one line."];
            return errors;
        }

        if (request.Lines.Count > MaxLines)
        {
            errors["lines"] = [$"An order has at most {MaxLines} lines."];
        }

        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            if (string.IsNullOrWhiteSpace(line?.Sku))
            {
                errors[$"lines[{i}].sku"] = ["The SKU is required."];
            }

            if (line is null || line.Quantity is < 1 or > MaxQuantity)
            {
                errors[$"lines[{i}].quantity"] = [$"The quantity must be between 1 and {MaxQuantity}."];
            }
        }

        return errors;
    }
}
