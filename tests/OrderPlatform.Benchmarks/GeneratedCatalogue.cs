using System.Globalization;
using OrderPlatform.Catalog.DemoData;
using OrderPlatform.Catalog.Domain;

namespace OrderPlatform.Benchmarks;

/// <summary>A large catalogue made of the demo one: each demo product in many numbered models.</summary>
internal static class GeneratedCatalogue
{
    public static IReadOnlyList<Product> Products(int count)
    {
        var demo = FashionCatalogue.Products();
        return Enumerable.Range(0, count).Select(i =>
        {
            var source = demo[i % demo.Count];
            var model = (i / demo.Count + 1).ToString(CultureInfo.InvariantCulture);
            return source with
            {
                Id = $"{source.Id}-m{model}",
                Name = $"{source.Name} modèle {model}",
                Skus = source.Skus.Select(sku => sku with { Code = $"{sku.Code}-M{model}" }).ToList(),
            };
        }).ToList();
    }
}
