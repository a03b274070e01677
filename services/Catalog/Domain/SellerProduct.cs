namespace OrderPlatform.Catalog.Domain;

/// <summary>A product a seller puts on sale [MP-01, MP-02, MP-08]: its price includes delivery; it says how many days the seller takes to ship.</summary>
public sealed record SellerProductRequest(string? Name, string? Description, string? Composition, string? Category, long? PriceCents, int? ShipsWithinDays,
    IReadOnlyList<string>? ImageUrls, IReadOnlyList<SellerSkuRequest>? Skus, bool? Published);

public sealed record SellerSkuRequest(string? Code, string? Size, string? Colour);

/// <summary>What a seller changes of its product; what is left out stays as it was. SKUs are not changed: a new size is a new product.</summary>
public sealed record SellerProductChange(string? Name, string? Description, string? Composition, long? PriceCents, int? ShipsWithinDays, bool? Published);

/// <summary>A marketplace seller's own products: what they may put on sale and change [MP-01, MP-02, MP-08].</summary>
public static class SellerProducts
{
    public const int MaxShipsWithinDays = 30;
    public const long MaxPriceCents = 10_000_000;

    public static Dictionary<string, string[]> Validate(SellerProductRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        SellerApplications.Require(errors, "name", request.Name, 200, "The product's name");
        SellerApplications.Require(errors, "category", request.Category, 100, "A category such as Maison/Cuisine");
        if (request.Description is { Length: > 4000 } || request.Composition is { Length: > 1000 })
        {
            errors["description"] = ["A description is at most 4000 characters, a composition 1000."];
        }

        ValidatePriceAndDelay(errors, request.PriceCents, request.ShipsWithinDays, required: true);
        if (request.ImageUrls is { Count: > 10 } || request.ImageUrls?.Any(url => !Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out _) || url.Length > 500) == true)
        {
            errors["imageUrls"] = ["Up to 10 image addresses."];
        }

        if (request.Skus is not { Count: >= 1 and <= 50 } skus)
        {
            errors["skus"] = ["A product has 1 to 50 sizes or colours, each with its SKU code."];
            return errors;
        }

        for (var i = 0; i < skus.Count; i++)
        {
            if (skus[i] is not { Code: { Length: >= 3 and <= 40 } code } || !code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                errors[$"skus[{i}].code"] = ["A SKU code is 3 to 40 capital letters, digits or hyphens."];
            }
            else if (skus[i].Size is { Length: > 20 } || skus[i].Colour is { Length: > 40 })
            {
                errors[$"skus[{i}]"] = ["A size is at most 20 characters, a colour 40."];
            }
        }

        if (skus.GroupBy(sku => sku?.Code).FirstOrDefault(group => group.Count() > 1) is { } twice)
        {
            errors["skus"] = [$"SKU {twice.Key} is listed twice."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> Validate(SellerProductChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var errors = new Dictionary<string, string[]>();
        if (change.Name is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > 200))
        {
            errors["name"] = ["A name is 1 to 200 characters."];
        }

        if (change.Description is { Length: > 4000 } || change.Composition is { Length: > 1000 })
        {
            errors["description"] = ["A description is at most 4000 characters, a composition 1000."];
        }

        ValidatePriceAndDelay(errors, change.PriceCents, change.ShipsWithinDays, required: false);
        return errors;
    }

    /// <summary>
    /// The seller's new product, published when asked and allowed [MP-01]: with a certified seller, a name, a price and a SKU. Its price is the
    /// all-in price the buyer pays, delivery included [MP-02].
    /// </summary>
    public static Product Create(string id, Seller seller, SellerProductRequest request)
    {
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(request);
        var product = new Product(id, request.Name!.Trim(), request.Description?.Trim() ?? "", request.Composition?.Trim() ?? "", request.ImageUrls ?? [],
            request.Category!.Trim(), request.PriceCents!.Value, Outlet: false, FinalSale: false, seller.Id, Published: request.Published ?? true,
            request.Skus!.Select(sku => new Sku(sku.Code!, sku.Size?.Trim(), sku.Colour?.Trim())).ToList(), request.ShipsWithinDays);
        return product with { Published = product.Published && Publication.WhyNotPublishable(product, seller) is null };
    }

    /// <summary>The product after the seller's change; publishing is refused (with why) when the rule says it may not be [MP-01].</summary>
    public static (Product? Changed, string? Refusal) Change(Product product, Seller seller, SellerProductChange change)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(change);
        var changed = product with
        {
            Name = change.Name?.Trim() ?? product.Name,
            Description = change.Description?.Trim() ?? product.Description,
            Composition = change.Composition?.Trim() ?? product.Composition,
            PriceCents = change.PriceCents ?? product.PriceCents,
            ShipsWithinDays = change.ShipsWithinDays ?? product.ShipsWithinDays,
            Published = change.Published ?? product.Published,
        };
        return changed.Published && Publication.WhyNotPublishable(changed, seller) is { } why ? (null, why) : (changed, null);
    }

    /// <summary>A new product's id: its name's slug and a short random part, so two sellers' "Tablier en lin" are two products.</summary>
    public static string NewId(string name, Func<int, byte[]> randomBytes)
    {
        ArgumentNullException.ThrowIfNull(randomBytes);
        var slug = SellerApplications.Slug(name);
        return $"{(slug.Length > 60 ? slug[..60].TrimEnd('-') : slug)}-{Convert.ToHexString(randomBytes(3)).ToLowerInvariant()}";
    }

    private static void ValidatePriceAndDelay(Dictionary<string, string[]> errors, long? priceCents, int? shipsWithinDays, bool required)
    {
        if ((required && priceCents is null) || priceCents is <= 0 or > MaxPriceCents)
        {
            errors["priceCents"] = [$"The all-in price in euro cents, delivery included [MP-02]: 1 to {MaxPriceCents}."];
        }

        if ((required && shipsWithinDays is null) || shipsWithinDays is < 1 or > MaxShipsWithinDays)
        {
            errors["shipsWithinDays"] = [$"The most days you take to ship it once paid, shown on the product [MP-08]: 1 to {MaxShipsWithinDays}."];
        }
    }
}
