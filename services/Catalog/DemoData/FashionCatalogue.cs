using System.Globalization;
using OrderPlatform.Catalog.Domain;

namespace OrderPlatform.Catalog.DemoData;

/// <summary>
/// A realistic French fashion catalogue for development and tests: Femme, Homme, Fille and Garçon,
/// each article in three collections, with sizes and colours, some outlet and some on sale. The same
/// every time, so loading it twice changes nothing.
/// </summary>
public static class FashionCatalogue
{
    private sealed record Article(string Department, string Category, string Name, long PriceCents, string Composition, string Description);

    private static readonly string[] AdultSizes = ["XS", "S", "M", "L", "XL"];
    private static readonly string[] JeanSizes = ["36", "38", "40", "42", "44"];
    private static readonly string[] KidSizes = ["4A", "6A", "8A", "10A", "12A", "14A"];
    private static readonly string[] Colours = ["Noir", "Blanc", "Bleu marine", "Beige", "Kaki", "Rouge", "Gris chiné", "Écru", "Bordeaux", "Indigo"];

    private static readonly (string Name, string Words, long Extra)[] Collections =
    [
        ("", "Un indispensable du vestiaire, facile à porter au quotidien.", 0),
        ("Vintage", "Inspiration années 70, délavage et finitions travaillées.", 1000),
        ("Éco-conçu", "Fabriqué avec des matières recyclées ou issues de l'agriculture biologique.", 1500),
        ("Édition limitée", "Série limitée, numérotée, dessinée dans notre atelier de Marseille.", 2500),
    ];

    private static readonly Article[] Articles =
    [
        new("Femme", "Robes", "Robe d'été fleurie", 5999, "100 % viscose", "Robe légère à bretelles, imprimé fleuri, longueur midi."),
        new("Femme", "Robes", "Robe longue bohème", 6999, "100 % coton", "Robe longue à volants, manches ballon, taille smockée."),
        new("Femme", "Robes", "Robe pull côtelée", 5499, "70 % viscose, 30 % polyamide", "Robe en maille côtelée, col roulé, coupe près du corps."),
        new("Femme", "Pantalons", "Pantalon large fluide", 4999, "100 % polyester recyclé", "Pantalon taille haute, jambe large, ceinture élastiquée au dos."),
        new("Femme", "Pantalons", "Pantalon chino", 4499, "98 % coton, 2 % élasthanne", "Chino ajusté, revers à la cheville, quatre poches."),
        new("Femme", "Jeans", "Jean slim", 5999, "92 % coton, 6 % polyester, 2 % élasthanne", "Jean slim taille haute, denim stretch confortable."),
        new("Femme", "Jeans", "Jean mom", 6499, "100 % coton", "Jean mom taille haute, coupe droite et ample."),
        new("Femme", "Tops", "Chemisier imprimé", 3999, "100 % viscose", "Chemisier fluide à col V, manches longues boutonnées."),
        new("Femme", "Tops", "T-shirt col V", 1999, "100 % coton biologique", "T-shirt basique en jersey, col V, coupe droite."),
        new("Femme", "Pulls", "Pull en maille torsadée", 5999, "50 % laine, 50 % acrylique", "Pull chaud à torsades, col rond, bords côtelés."),
        new("Femme", "Vestes", "Veste en jean", 6999, "100 % coton", "Veste en jean classique, poches poitrine à rabat."),
        new("Femme", "Manteaux", "Manteau en laine", 14999, "60 % laine, 40 % polyester", "Manteau long croisé, col tailleur, doublé."),
        new("Femme", "Jupes", "Jupe plissée", 3999, "100 % polyester", "Jupe midi plissée, taille élastiquée."),
        new("Femme", "Accessoires", "Sac bandoulière en cuir", 7999, "100 % cuir de vachette", "Sac bandoulière, rabat aimanté, bandoulière réglable."),
        new("Homme", "Jeans", "Jean droit brut", 6999, "100 % coton", "Jean coupe droite en denim brut, cinq poches."),
        new("Homme", "Jeans", "Jean slim délavé", 6499, "98 % coton, 2 % élasthanne", "Jean slim délavé, confortable et ajusté."),
        new("Homme", "Pantalons", "Pantalon cargo", 5499, "100 % coton", "Pantalon cargo, poches latérales à rabat, bas resserré."),
        new("Homme", "Pantalons", "Pantalon chino", 4999, "98 % coton, 2 % élasthanne", "Chino coupe slim, ceinture à passants."),
        new("Homme", "Chemises", "Chemise en lin", 4999, "100 % lin", "Chemise manches longues en lin lavé, col classique."),
        new("Homme", "Chemises", "Chemise à carreaux", 4499, "100 % coton", "Chemise en flanelle à carreaux, deux poches poitrine."),
        new("Homme", "T-shirts", "T-shirt imprimé", 2499, "100 % coton biologique", "T-shirt col rond, imprimé sérigraphié sur le devant."),
        new("Homme", "Pulls", "Sweat à capuche", 5499, "80 % coton, 20 % polyester", "Sweat molletonné à capuche, poche kangourou."),
        new("Homme", "Pulls", "Pull col camionneur", 6499, "100 % laine d'agneau", "Pull en maille, col zippé, coudières en suédine."),
        new("Homme", "Vestes", "Blouson en cuir", 24999, "100 % cuir d'agneau", "Blouson motard en cuir souple, fermeture asymétrique."),
        new("Homme", "Manteaux", "Doudoune légère", 8999, "100 % polyamide, garnissage 90 % duvet", "Doudoune matelassée légère, se range dans sa poche."),
        new("Homme", "Accessoires", "Ceinture en cuir", 2999, "100 % cuir de vachette", "Ceinture en cuir pleine fleur, boucle ardillon."),
        new("Homme", "Accessoires", "Écharpe en laine", 2999, "100 % laine", "Écharpe douce en laine, franges aux extrémités."),
        new("Fille", "Robes", "Robe à volants", 2999, "100 % coton", "Robe à volants, manches courtes, imprimé à pois."),
        new("Fille", "Robes", "Robe en jean", 3499, "100 % coton", "Robe chasuble en jean, boutons pression."),
        new("Fille", "Jeans", "Jean flare", 3499, "98 % coton, 2 % élasthanne", "Jean évasé, taille réglable à l'intérieur."),
        new("Fille", "Pantalons", "Legging côtelé", 1499, "95 % coton, 5 % élasthanne", "Legging en maille côtelée, taille élastiquée."),
        new("Fille", "Tops", "T-shirt à paillettes", 1799, "100 % coton", "T-shirt col rond, motif en sequins réversibles."),
        new("Fille", "Pulls", "Gilet en maille", 2999, "100 % coton", "Gilet boutonné en maille fine, col rond."),
        new("Fille", "Manteaux", "Parka à capuche", 5999, "100 % polyester", "Parka chaude doublée, capuche bordée de fausse fourrure."),
        new("Fille", "Jupes", "Jupe en tulle", 2499, "100 % polyamide", "Jupe en tulle superposé, taille élastiquée."),
        new("Garçon", "Jeans", "Jean slim", 2999, "98 % coton, 2 % élasthanne", "Jean slim, taille réglable à l'intérieur."),
        new("Garçon", "Pantalons", "Pantalon de jogging", 1999, "80 % coton, 20 % polyester", "Jogging molletonné, bas côtelés, cordon de serrage."),
        new("Garçon", "Pantalons", "Bermuda cargo", 2299, "100 % coton", "Bermuda à poches cargo, ceinture élastiquée."),
        new("Garçon", "T-shirts", "T-shirt rayé", 1499, "100 % coton biologique", "T-shirt marinière à rayures, manches courtes."),
        new("Garçon", "Chemises", "Chemise en chambray", 2499, "100 % coton", "Chemise en chambray léger, manches retroussables."),
        new("Garçon", "Pulls", "Sweat à capuche", 2999, "80 % coton, 20 % polyester", "Sweat molletonné à capuche, imprimé sur le devant."),
        new("Garçon", "Vestes", "Blouson teddy", 4999, "60 % coton, 40 % polyester", "Blouson teddy, col, poignets et bas en bord-côte."),
        new("Garçon", "Manteaux", "Doudoune à capuche", 5499, "100 % polyamide", "Doudoune matelassée chaude, capuche amovible."),
        new("Garçon", "Pulls", "Pull jacquard", 2999, "100 % coton", "Pull à motif jacquard, col rond."),
        new("Femme", "Chaussures", "Bottines en cuir", 8999, "Tige 100 % cuir, semelle caoutchouc", "Bottines à talon carré, zip intérieur."),
        new("Femme", "Chaussures", "Baskets en toile", 4499, "Tige 100 % coton, semelle caoutchouc", "Baskets basses en toile, lacets plats."),
        new("Homme", "Chaussures", "Chaussures derby", 9999, "Tige 100 % cuir, semelle cuir", "Derby en cuir lisse, bout rond, cousu Goodyear."),
        new("Homme", "Shorts", "Short en lin", 3499, "100 % lin", "Short en lin, ceinture élastiquée avec cordon."),
        new("Femme", "Shorts", "Short en jean", 3499, "100 % coton", "Short en jean taille haute, bas effilochés."),
        new("Fille", "Chaussures", "Sandales à brides", 2499, "Tige synthétique, semelle caoutchouc", "Sandales à brides scratch, semelle souple."),
        new("Garçon", "Chaussures", "Baskets montantes", 3999, "Tige synthétique, semelle caoutchouc", "Baskets montantes à scratch, renfort aux orteils."),
    ];

    /// <summary>About 200 products: every article in each collection.</summary>
    public static IReadOnlyList<Product> Products(string sellerId = Seller.HouseId)
    {
        var products = new List<Product>();
        foreach (var (article, articleIndex) in Articles.Select((article, index) => (article, index)))
        {
            foreach (var (collection, collectionIndex) in Collections.Select((collection, index) => (collection, index)))
            {
                var number = articleIndex * Collections.Length + collectionIndex;
                var name = collection.Name.Length == 0 ? article.Name : $"{article.Name} {collection.Name}";
                var id = Slug($"{article.Department} {name}");
                products.Add(new Product(
                    id,
                    name,
                    $"{article.Description} {collection.Words}",
                    article.Composition,
                    [$"/images/produits/{id}-face.jpg", $"/images/produits/{id}-dos.jpg"],
                    $"{article.Department}/{article.Category}",
                    article.PriceCents + collection.Extra,
                    Outlet: number % 9 == 4,
                    FinalSale: number % 7 == 3,
                    sellerId,
                    Published: true,
                    Skus(id, article, number)));
            }
        }

        return products;
    }

    /// <summary>Units on hand per SKU: most in stock, a few sold out so that availability shows.</summary>
    public static IEnumerable<StockLevel> Stock(IEnumerable<Product> products) =>
        products.SelectMany(product => product.Skus).Select((sku, index) => new StockLevel(sku.Code, index % 11 == 5 ? 0 : 3 + index % 17));

    private static List<Sku> Skus(string id, Article article, int number)
    {
        var sizes = article.Department is "Fille" or "Garçon" ? KidSizes
            : article.Category == "Jeans" ? JeanSizes
            : article.Category == "Accessoires" ? ["TU"]
            : article.Category == "Chaussures" ? ["37", "38", "39", "40", "41", "42", "43"]
            : AdultSizes;
        var colours = new[] { Colours[number % Colours.Length], Colours[(number * 3 + 1) % Colours.Length] }.Distinct();
        return colours
            .SelectMany(colour => sizes.Select(size => new Sku($"{id}-{Slug(colour)}-{size}".ToUpperInvariant(), size, colour)))
            .ToList();
    }

    public static string Slug(string text) =>
        string.Join('-', SearchText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLower(CultureInfo.InvariantCulture);
}
