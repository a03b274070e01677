namespace OrderPlatform.Catalog.Features.Products;

/// <summary>A search or a browse of the published catalogue: words, a category, a page.</summary>
public sealed record ProductQuery(string? Text, string? Category, int Page = 1, int PageSize = ProductQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 24;
    public const int MaxPageSize = 100;

    public static Dictionary<string, string[]> Validate(int? page, int? pageSize, string? text)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = ["The page starts at 1."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"The page size is between 1 and {MaxPageSize}."];
        }

        if (text is { Length: > 200 })
        {
            errors["q"] = ["The search is at most 200 characters."];
        }

        return errors;
    }
}

public sealed record ProductPage(IReadOnlyList<ProductSummary> Items, int Page, int PageSize, long Total);

public sealed record ProductSummary(string Id, string Name, string Category, long PriceCents, bool Outlet, bool FinalSale, string? ImageUrl);
