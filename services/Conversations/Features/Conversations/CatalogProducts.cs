using System.Net;
using System.Text.Json;

namespace OrderPlatform.Conversations.Features.Conversations;

/// <summary>A published product as a buyer may write about it: its name and who sells it.</summary>
public sealed record ProductOnSale(string Id, string Name, string SellerId);

/// <summary>Asks Catalog who sells a product (its public product page), for a buyer's question about it [MP-09].</summary>
public sealed class CatalogProducts(HttpClient http)
{
    public static void Register(IServiceCollection services) =>
        services.AddHttpClient<CatalogProducts>(client => client.BaseAddress = new Uri("http://catalog"));

    /// <summary>The product when it is on sale; null when Catalog knows no such published product.</summary>
    public async Task<ProductOnSale?> FindAsync(string productId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        using var response = await http.GetAsync($"/api/catalog/products/{Uri.EscapeDataString(productId)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var product = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return new ProductOnSale(product.GetProperty("id").GetString()!, product.GetProperty("name").GetString()!, product.GetProperty("sellerId").GetString()!);
    }
}
