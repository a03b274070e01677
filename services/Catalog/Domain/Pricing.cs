namespace OrderPlatform.Catalog.Domain;

public sealed record PricedLines(IReadOnlyList<PricedLine> Lines, long TotalCents);

/// <summary>A SKU as a checkout needs it: what it costs (VAT included), what it is, who sells it.</summary>
public sealed record PricedLine(
    string Sku, int Quantity, long UnitPriceCents, string ProductId, string ProductName, string? Size, string? Colour,
    bool Outlet, bool FinalSale, string SellerId, int? ShipsWithinDays = null);

public static class Pricing
{
    /// <summary>Prices each line from the products found; a SKU of no published product is an error on its line.</summary>
    public static (PricedLines? Priced, Dictionary<string, string[]> Errors) Price(
        IReadOnlyList<(string Sku, int Quantity)> lines, IEnumerable<Product> products)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var bySku = products.Where(product => product.Published)
            .SelectMany(product => product.Skus.Select(sku => (sku, product)))
            .ToDictionary(pair => pair.sku.Code, pair => pair);
        var errors = new Dictionary<string, string[]>();
        var priced = new List<PricedLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!bySku.TryGetValue(lines[i].Sku, out var found))
            {
                errors[$"lines[{i}].sku"] = [$"{lines[i].Sku} is not for sale."];
                continue;
            }

            var (sku, product) = found;
            priced.Add(new PricedLine(sku.Code, lines[i].Quantity, product.PriceCents, product.Id, product.Name, sku.Size, sku.Colour,
                product.Outlet, product.FinalSale, product.SellerId, product.ShipsWithinDays));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new PricedLines(priced, priced.Sum(line => line.UnitPriceCents * line.Quantity)), errors);
    }
}
