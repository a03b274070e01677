using OrderPlatform.Catalog.Domain;

namespace OrderPlatform.Catalog.DemoData;

/// <summary>The other presets' demo catalogues: a few products each, in their own categories.</summary>
public static class SmallCatalogues
{
    public static IReadOnlyList<Product> JapanImport() =>
    [
        Item("couteau-santoku", "Couteau santoku en acier Damas", "Cuisine/Couteaux", 18900, "Lame acier VG-10 67 couches, manche en bois de magnolia", "Forgé à Seki, affûtage traditionnel à 15°."),
        Item("theiere-tetsubin", "Théière en fonte tetsubin", "Thé/Théières", 8900, "Fonte émaillée à l'intérieur", "Fonte d'Iwate, 0,8 litre, filtre inox amovible."),
        Item("bol-raku", "Bol à thé raku", "Thé/Bols", 4500, "Grès émaillé cuit au raku", "Pièce unique tournée main à Kyoto."),
        Item("furoshiki-coton", "Furoshiki en coton imprimé", "Textile/Furoshiki", 2400, "100 % coton", "Tissu d'emballage traditionnel, 70 × 70 cm."),
        // Sold off: "les produits soldés ne peuvent faire l'objet d'un remboursement" [JI-07].
        Item("baguettes-laquees", "Baguettes laquées wajima", "Cuisine/Art de la table", 3200, "Bois laqué urushi", "Paire de baguettes laquées à la main.")
            with { FinalSale = true },
    ];

    public static IReadOnlyList<Product> Marketplace(string sellerId) =>
    [
        // Each seller says how long they take to ship each product [MP-08].
        Item("tablier-lin", "Tablier en lin lavé", "Maison/Cuisine", 3900, "100 % lin français", "Tablier à bavette, liens croisés au dos.", sellerId) with { ShipsWithinDays = 2 },
        Item("bougie-soja", "Bougie parfumée à la cire de soja", "Maison/Décoration", 2600, "Cire de soja, mèche en coton", "Parfum figuier, 40 heures de combustion.", sellerId) with { ShipsWithinDays = 3 },
        Item("savon-marseille", "Savon de Marseille à l'huile d'olive", "Beauté/Savons", 800, "72 % d'huile d'olive", "Cuit au chaudron, 300 g.", sellerId) with { ShipsWithinDays = 2 },
        Item("plaid-laine", "Plaid en laine des Pyrénées", "Maison/Linge", 8900, "100 % laine", "Tissé dans les Pyrénées, 130 × 180 cm.", sellerId) with { ShipsWithinDays = 5 },
    ];

    private static Product Item(string id, string name, string category, long priceCents, string composition, string description,
        string sellerId = Seller.HouseId) =>
        new(id, name, description, composition, [$"/images/produits/{id}.jpg"], category, priceCents,
            Outlet: false, FinalSale: false, sellerId, Published: true, [new Sku(id.ToUpperInvariant(), Size: null, Colour: null)]);
}
