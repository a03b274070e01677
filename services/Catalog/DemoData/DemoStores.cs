using OrderPlatform.Catalog.Domain;

namespace OrderPlatform.Catalog.DemoData;

/// <summary>A dozen stores in France and Belgium, for the store locator and in-store reservations.</summary>
public static class DemoStores
{
    private static readonly string[] Hours = ["Lundi–samedi 10 h–19 h 30", "Dimanche fermé"];
    private static readonly string[] CentreHours = ["Lundi–samedi 10 h–20 h", "Dimanche 11 h–19 h"];

    public static IReadOnlyList<Store> All { get; } =
    [
        new("paris-rivoli", "Paris Rivoli", "112 rue de Rivoli", "75001", "Paris", "FR", "+33 1 42 36 00 01", Hours),
        new("paris-beaugrenelle", "Paris Beaugrenelle", "12 rue Linois", "75015", "Paris", "FR", "+33 1 45 75 00 02", CentreHours),
        new("lyon-republique", "Lyon République", "45 rue de la République", "69002", "Lyon", "FR", "+33 4 78 42 00 03", Hours),
        new("marseille-terrasses", "Marseille Les Terrasses du Port", "9 quai du Lazaret", "13002", "Marseille", "FR", "+33 4 91 90 00 04", CentreHours),
        new("bordeaux-sainte-catherine", "Bordeaux Sainte-Catherine", "78 rue Sainte-Catherine", "33000", "Bordeaux", "FR", "+33 5 56 44 00 05", Hours),
        new("lille-euralille", "Lille Euralille", "100 centre commercial Euralille", "59777", "Lille", "FR", "+33 3 20 55 00 06", CentreHours),
        new("nantes-atlantis", "Nantes Atlantis", "Centre commercial Atlantis", "44800", "Saint-Herblain", "FR", "+33 2 40 92 00 07", CentreHours),
        new("toulouse-capitole", "Toulouse Capitole", "21 rue d'Alsace-Lorraine", "31000", "Toulouse", "FR", "+33 5 61 21 00 08", Hours),
        new("nice-massena", "Nice Masséna", "8 avenue Jean Médecin", "06000", "Nice", "FR", "+33 4 93 62 00 09", Hours),
        new("strasbourg-kleber", "Strasbourg Kléber", "3 place Kléber", "67000", "Strasbourg", "FR", "+33 3 88 32 00 10", Hours),
        new("montpellier-odysseum", "Montpellier Odysseum", "2 place de Lisbonne", "34000", "Montpellier", "FR", "+33 4 67 13 00 11", CentreHours),
        new("bruxelles-neuve", "Bruxelles Rue Neuve", "47 rue Neuve", "1000", "Bruxelles", "BE", "+32 2 217 00 12", Hours),
        new("liege-mediacite", "Liège Médiacité", "7 boulevard Raymond Poincaré", "4020", "Liège", "BE", "+32 4 340 00 13", CentreHours),
    ];

    /// <summary>Each store carries about a quarter of the SKUs, one to three units of each.</summary>
    public static IEnumerable<StoreStock> Stock(IEnumerable<Product> products)
    {
        var skus = products.SelectMany(product => product.Skus).Select(sku => sku.Code).ToList();
        return All.SelectMany((store, storeIndex) => skus
            .Select((sku, skuIndex) => (sku, skuIndex))
            .Where(pair => (pair.skuIndex + storeIndex) % 4 == 0)
            .Select(pair => new StoreStock(StoreStock.IdFor(store.Id, pair.sku), store.Id, pair.sku, 1 + (pair.skuIndex + storeIndex) % 3)));
    }
}
