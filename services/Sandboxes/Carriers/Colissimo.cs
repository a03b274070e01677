using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderPlatform.Sandboxes.Carriers;

/// <summary>
/// La Poste as PROVIDERS.md describes it: Colissimo SLS <c>generateLabel</c> / <c>checkGenerateLabel</c>
/// (JSON in, multipart out: a <c>jsonInfos</c> part and the PDF <c>label</c>), pickup points
/// (<c>findRDVPointRetraitAcheminement</c>), and Suivi v2 tracking behind an <c>X-Okapi-Key</c>.
/// </summary>
public static class Colissimo
{
    /// <summary>Suivi v2's event codes with the texts La Poste shows for them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["DR1"] = "Votre Colissimo va bientôt nous être confié ! Il est en cours de préparation chez votre expéditeur.",
        ["PC1"] = "Votre colis a été pris en charge par La Poste.",
        ["PC2"] = "Votre colis a été pris en charge dans le pays d'expédition.",
        ["ET1"] = "Votre colis est en cours d'acheminement.",
        ["ET2"] = "Votre colis est en cours d'acheminement dans le pays d'expédition.",
        ["ET3"] = "Votre colis est en cours d'acheminement dans le pays de destination.",
        ["ET4"] = "Votre colis est en cours d'acheminement dans un pays de transit.",
        ["EP1"] = "Votre colis est en attente de présentation.",
        ["DO1"] = "Votre colis est entré en dédouanement.",
        ["DO2"] = "Votre colis est sorti de la douane.",
        ["DO3"] = "Votre colis est retenu en douane.",
        ["PB1"] = "Un problème est survenu sur votre colis.",
        ["PB2"] = "Le problème rencontré sur votre colis a été résolu.",
        ["MD2"] = "Votre colis est en cours de livraison.",
        ["ND1"] = "Votre colis n'a pas pu être livré : destinataire absent, un avis de passage a été déposé.",
        ["AG1"] = "Votre colis est disponible dans votre point de retrait ou bureau de poste. Il vous attend 15 jours.",
        ["RE1"] = "Votre colis est retourné à l'expéditeur.",
        ["DI1"] = "Votre colis est livré.",
        ["DI2"] = "Votre colis a été livré à l'expéditeur.",
    };

    private static readonly string[] Products = ["DOM", "DOS", "A2P", "BPR", "CORE", "COM", "CDS"];
    private static readonly string[] PrintingTypes = ["PDF_10x15_300dpi", "PDF_A4_300dpi", "ZPL_10x15_203dpi", "ZPL_10x15_300dpi", "DPL_10x15_203dpi"];

    public static void MapColissimo(this IEndpointRouteBuilder carriers)
    {
        carriers.MapPost("/la-poste/sls-ws/SlsServiceWSRest/2.0/generateLabel", (JsonObject body, HttpRequest request, CarrierLedger ledger) =>
            Label(body, request, ledger, generate: true)).ExcludeFromDescription();
        carriers.MapPost("/la-poste/sls-ws/SlsServiceWSRest/2.0/checkGenerateLabel", (JsonObject body, HttpRequest request, CarrierLedger ledger) =>
            Label(body, request, ledger, generate: false)).ExcludeFromDescription();
        carriers.MapPost("/la-poste/pointretrait-ws-cxf/rest/v2/pointretrait/findRDVPointRetraitAcheminement", PickupPoints).ExcludeFromDescription();
        carriers.MapGet("/la-poste/suivi/v2/idships/{id}", Tracking).ExcludeFromDescription();
    }

    private static IResult Label(JsonObject body, HttpRequest request, CarrierLedger ledger, bool generate)
    {
        if (ledger.TakeOutage(CarrierLedger.LaPoste))
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var authenticated = request.Headers["apiKey"].FirstOrDefault() is { Length: > 0 } key
            ? key == ledger.Setting("LaPoste:ApiKey", "sandbox-sls-key")
            : Text(body, "contractNumber") == ledger.Setting("LaPoste:ContractNumber", "800000") && Text(body, "password") == ledger.Setting("LaPoste:Password", "SandboxSls1");
        if (!authenticated)
        {
            return Multipart(StatusCodes.Status400BadRequest, Messages(("30000", "ERROR", "Identifiant ou mot de passe incorrect.")), null, null);
        }

        var errors = Validate(body).ToList();
        if (errors.Count > 0)
        {
            return Multipart(StatusCodes.Status400BadRequest, Messages([.. errors]), null, null);
        }

        if (!generate)
        {
            return Multipart(StatusCodes.Status200OK, Messages(("0", "INFOS", "La requête a été traitée avec succès")), null, null);
        }

        var letter = body["letter"]!;
        var product = Text(letter, "service", "productCode")!;
        var parcel = ledger.Create(CarrierLedger.LaPoste, product, Text(letter, "service", "orderNumber") ?? "", Text(letter, "parcel", "pickupLocationId"),
            Text(letter, "addressee", "address", "zipCode")!, Text(letter, "addressee", "address", "countryCode")!);
        ledger.AddEvent(CarrierLedger.LaPoste, parcel.TrackingNumber, new SandboxParcelEvent("DR1", Labels["DR1"], ledger.Now, null, null));
        return Multipart(StatusCodes.Status200OK, Messages(("0", "INFOS", "La requête a été traitée avec succès")), parcel.TrackingNumber,
            LabelPdf.For("COLISSIMO", parcel));
    }

    private static IEnumerable<(string Id, string Type, string Content)> Validate(JsonObject body)
    {
        var printing = Text(body, "outputFormat", "outputPrintingType");
        if (!PrintingTypes.Contains(printing))
        {
            yield return ("30100", "ERROR", "Le format d'impression n'est pas valide.");
        }

        var product = Text(body, "letter", "service", "productCode");
        if (!Products.Contains(product))
        {
            yield return ("30220", "ERROR", "Le code produit est incorrect.");
        }

        if (!DateOnly.TryParseExact(Text(body, "letter", "service", "depositDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return ("30221", "ERROR", "La date de dépôt est incorrecte (yyyy-MM-dd).");
        }

        if (body["letter"]?["parcel"]?["weight"] is not JsonValue weight || !weight.TryGetValue<double>(out var kilograms) || kilograms is <= 0 or > 30)
        {
            yield return ("30400", "ERROR", "Le poids du colis est incorrect (kg, jusqu'à 30).");
        }

        if (product is "A2P" or "BPR" && string.IsNullOrEmpty(Text(body, "letter", "parcel", "pickupLocationId")))
        {
            yield return ("30500", "ERROR", "L'identifiant du point de retrait est obligatoire pour ce produit.");
        }

        foreach (var party in new[] { "sender", "addressee" })
        {
            if (string.IsNullOrWhiteSpace(Text(body, "letter", party, "address", "line2")) || string.IsNullOrWhiteSpace(Text(body, "letter", party, "address", "city"))
                || string.IsNullOrWhiteSpace(Text(body, "letter", party, "address", "zipCode"))
                || Text(body, "letter", party, "address", "countryCode")?.Length != 2
                || (string.IsNullOrWhiteSpace(Text(body, "letter", party, "address", "lastName"))
                    && string.IsNullOrWhiteSpace(Text(body, "letter", party, "address", "companyName"))))
            {
                yield return ("30300", "ERROR", $"L'adresse ({party}) est incomplète.");
            }
        }
    }

    private static JsonObject Messages(params (string Id, string Type, string Content)[] messages) => new()
    {
        ["messages"] = new JsonArray(messages.Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Id, ["type"] = m.Type, ["messageContent"] = m.Content,
        }).ToArray()),
    };

    /// <summary>SLS answers multipart/mixed: the <c>jsonInfos</c> part always, the <c>label</c> part when a label was made.</summary>
    private static IResult Multipart(int status, JsonObject infos, string? parcelNumber, byte[]? label)
    {
        infos["labelV2Response"] = parcelNumber is null ? null : new JsonObject { ["parcelNumber"] = parcelNumber, ["pdfUrl"] = null, ["fields"] = null };
        var boundary = "uuid:" + Guid.NewGuid();
        using var stream = new MemoryStream();
        void Write(string text) => stream.Write(Encoding.UTF8.GetBytes(text));
        Write($"--{boundary}\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <jsonInfos>\r\n\r\n");
        Write(infos.ToJsonString());
        if (label is not null)
        {
            Write($"\r\n--{boundary}\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <label>\r\n\r\n");
            stream.Write(label);
        }

        Write($"\r\n--{boundary}--\r\n");
        return new RawResult(status, $"multipart/mixed; boundary=\"{boundary}\"; type=\"application/json\"; start=\"<jsonInfos>\"", stream.ToArray());
    }

    private static IResult PickupPoints(JsonObject body, CarrierLedger ledger)
    {
        if (Text(body, "accountNumber") != ledger.Setting("LaPoste:ContractNumber", "800000") || Text(body, "password") != ledger.Setting("LaPoste:Password", "SandboxSls1"))
        {
            return Results.Json(new { errorCode = 201, errorMessage = "Identifiant ou mot de passe invalide" });
        }

        if (Text(body, "zipCode") is not { Length: > 0 } zipCode || Text(body, "countryCode") is not { Length: 2 } country)
        {
            return Results.Json(new { errorCode = 301, errorMessage = "Code postal ou pays obligatoire" });
        }

        var points = CarrierLedger.PickupPoints(CarrierLedger.LaPoste, zipCode, country).Select(point => new JsonObject
        {
            ["identifiant"] = point.Id, ["nom"] = point.Name.ToUpperInvariant(), ["adresse1"] = point.Line1.ToUpperInvariant(), ["adresse2"] = "",
            ["adresse3"] = "", ["codePostal"] = point.PostalCode, ["localite"] = point.City, ["codePays"] = point.Country, ["typeDePoint"] = point.Kind,
            ["coordGeolocalisationLatitude"] = point.Latitude.ToString("0.######", CultureInfo.InvariantCulture),
            ["coordGeolocalisationLongitude"] = point.Longitude.ToString("0.######", CultureInfo.InvariantCulture), ["distanceEnMetre"] = point.DistanceMeters,
            ["horairesOuvertureLundi"] = "09:00-12:00 14:00-18:00", ["horairesOuvertureMardi"] = "09:00-12:00 14:00-18:00",
            ["horairesOuvertureMercredi"] = "09:00-12:00 14:00-18:00", ["horairesOuvertureJeudi"] = "09:00-12:00 14:00-18:00",
            ["horairesOuvertureVendredi"] = "09:00-12:00 14:00-18:00", ["horairesOuvertureSamedi"] = "09:00-12:00 00:00-00:00",
            ["horairesOuvertureDimanche"] = "00:00-00:00 00:00-00:00", ["poidsMaxi"] = "30000", ["accesPersonneMobiliteReduite"] = true,
        });
        return Results.Json(new JsonObject
        {
            ["errorCode"] = 0, ["errorMessage"] = "Code retour OK", ["listePointRetraitAcheminement"] = new JsonArray([.. points]),
        });
    }

    private static IResult Tracking(string id, HttpRequest request, CarrierLedger ledger)
    {
        if (request.Headers["X-Okapi-Key"].FirstOrDefault() != ledger.Setting("LaPoste:OkapiKey", "sandbox-okapi-key"))
        {
            return Results.Json(new { code = "UNAUTHORIZED", message = "Invalid or missing X-Okapi-Key" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var lang = request.Query["lang"].FirstOrDefault() ?? "fr_FR";
        if (ledger.Parcel(CarrierLedger.LaPoste, id) is not { } parcel)
        {
            return Results.Json(new { lang, returnCode = 104, returnMessage = "Numéro de suivi inconnu", idShip = id }, statusCode: StatusCodes.Status404NotFound);
        }

        var events = parcel.Events.OrderByDescending(e => e.At).ToList();
        var final = events.FirstOrDefault()?.Code is "DI1" or "DI2";
        return Results.Json(new JsonObject
        {
            ["lang"] = lang, ["scope"] = "open", ["returnCode"] = 200,
            ["shipment"] = new JsonObject
            {
                ["idShip"] = parcel.TrackingNumber, ["holder"] = 4, ["product"] = "colissimo", ["isFinal"] = final,
                ["entryDate"] = Stamp(parcel.CreatedAt),
                ["event"] = new JsonArray([.. events.Select(e => (JsonNode)new JsonObject { ["code"] = e.Code, ["label"] = e.Label, ["date"] = Stamp(e.At) })]),
                ["timeline"] = new JsonArray(),
                ["contextData"] = new JsonObject
                {
                    ["originCountry"] = "FR", ["arrivalCountry"] = new JsonObject { ["code"] = parcel.RecipientCountry },
                },
                ["url"] = $"https://www.laposte.fr/outils/suivre-vos-envois?code={parcel.TrackingNumber}",
            },
        });
    }

    private static string Stamp(DateTimeOffset at) => ParisTime.OffsetOf(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string? Text(JsonNode? node, params string[] path)
    {
        foreach (var step in path)
        {
            node = node?[step];
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();
    }
}

/// <summary>Bytes with a status code of our choosing: SLS answers its errors as multipart 400s.</summary>
public sealed class RawResult(int status, string contentType, byte[] body) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = contentType;
        return httpContext.Response.Body.WriteAsync(body).AsTask();
    }
}
