using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace OrderPlatform.Sandboxes.Carriers;

/// <summary>
/// Mondial Relay's WSI SOAP 1.1 service as PROVIDERS.md describes it: relay-point search and detailed
/// tracing, each call checked against its <c>Security</c> key computed here independently, in the
/// WSDL's own parameter order (so a client sending its parameters in another order is caught).
/// Wrong key: STAT 97; unknown merchant: STAT 1; unknown parcel: STAT 94.
/// </summary>
public static class MondialRelayWsi
{
    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Ws = "http://www.mondialrelay.fr/webservice/";

    /// <summary>The WSDL's parameter order for each call the sandbox serves (Enseigne first, Security last).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> WsdlOrder = new Dictionary<string, string[]>
    {
        ["WSI4_PointRelais_Recherche"] =
            ["Enseigne", "Pays", "NumPointRelais", "Ville", "CP", "Latitude", "Longitude", "Taille", "Poids", "Action", "DelaiEnvoi", "RayonRecherche",
             "TypeActivite", "NACE", "NombreResultats", "Security"],
        ["WSI2_TracingColisDetaille"] = ["Enseigne", "Expedition", "Langue", "Security"],
    };

    /// <summary>The texts Mondial Relay's tracing shows for the sandbox's event codes; a test may send its own text instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> Libelles = new Dictionary<string, string>
    {
        ["collected"] = "Prise en charge en agence",
        ["in-transit"] = "Colis en cours d'acheminement",
        ["out-for-delivery"] = "Colis en cours de livraison",
        ["at-relay"] = "Colis disponible au Point Relais",
        ["delivered"] = "Colis livré au destinataire",
        ["returned"] = "Colis retourné à l'expéditeur",
        ["anomaly"] = "Anomalie de traitement",
    };

    public static void MapMondialRelayWsi(this IEndpointRouteBuilder carriers) =>
        carriers.MapPost("/mondial-relay/Web_Services.asmx", async (HttpRequest request, CarrierLedger ledger) =>
        {
            XElement call;
            try
            {
                var envelope = await XDocument.LoadAsync(request.Body, LoadOptions.None, request.HttpContext.RequestAborted);
                call = envelope.Root?.Element(Soap + "Body")?.Elements().FirstOrDefault() ?? throw new FormatException("No SOAP body.");
            }
            catch (Exception e) when (e is System.Xml.XmlException or FormatException)
            {
                return Fault("soap:Client", "The request is not a SOAP 1.1 envelope.");
            }

            if (call.Name.Namespace != Ws || !WsdlOrder.TryGetValue(call.Name.LocalName, out var order))
            {
                return Fault("soap:Client", $"Unknown operation {call.Name}.");
            }

            var values = call.Elements().Where(e => e.Name.Namespace == Ws).ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.Ordinal);
            var stat = Authenticate(values, order, ledger);
            return stat != 0 ? Answer(call.Name.LocalName, new XElement(Ws + "STAT", stat))
                : call.Name.LocalName == "WSI2_TracingColisDetaille" ? Tracing(values, ledger)
                : Search(values);
        }).WithTags("Carrier sandboxes").ExcludeFromDescription();

    /// <summary>0 when the merchant and the key match; else Mondial Relay's STAT.</summary>
    private static int Authenticate(IReadOnlyDictionary<string, string> values, string[] order, CarrierLedger ledger)
    {
        var enseigne = ledger.Setting("MondialRelay:Enseigne", "BDTEST13");
        if (values.GetValueOrDefault("Enseigne") != enseigne)
        {
            return 1;
        }

        var text = new StringBuilder();
        foreach (var name in order.Where(name => name is not ("Security" or "Texte")))
        {
            text.Append(values.GetValueOrDefault(name));
        }

        text.Append(ledger.Setting("MondialRelay:PrivateKey", "PrivateK"));
#pragma warning disable CA5351 // the protocol's own choice, reproduced to check callers
        var expected = Convert.ToHexString(MD5.HashData(Encoding.Latin1.GetBytes(text.ToString())));
#pragma warning restore CA5351
        return string.Equals(values.GetValueOrDefault("Security"), expected, StringComparison.Ordinal) ? 0 : 97;
    }

    private static IResult Search(IReadOnlyDictionary<string, string> values)
    {
        var postalCode = values.GetValueOrDefault("CP") ?? "";
        if (postalCode.Length == 0 && string.IsNullOrEmpty(values.GetValueOrDefault("Latitude")))
        {
            return Answer("WSI4_PointRelais_Recherche", new XElement(Ws + "STAT", 9));
        }

        var count = int.TryParse(values.GetValueOrDefault("NombreResultats"), out var n) && n > 0 ? n : 10;
        var points = CarrierLedger.PickupPoints(CarrierLedger.MondialRelay, postalCode, values.GetValueOrDefault("Pays") ?? "FR").Take(count);
        return Answer("WSI4_PointRelais_Recherche",
            new XElement(Ws + "STAT", 0),
            new XElement(Ws + "PointsRelais", points.Select(point => new XElement(Ws + "PointRelais_Details",
                new XElement(Ws + "Num", point.Id),
                new XElement(Ws + "LgAdr1", point.Name.ToUpperInvariant()),
                new XElement(Ws + "LgAdr2", ""),
                new XElement(Ws + "LgAdr3", point.Line1.ToUpperInvariant()),
                new XElement(Ws + "LgAdr4", ""),
                new XElement(Ws + "CP", point.PostalCode),
                new XElement(Ws + "Ville", point.City),
                new XElement(Ws + "Pays", point.Country),
                new XElement(Ws + "Latitude", point.Latitude.ToString("0.0000000", CultureInfo.InvariantCulture).Replace('.', ',')),
                new XElement(Ws + "Longitude", point.Longitude.ToString("0.0000000", CultureInfo.InvariantCulture).Replace('.', ',')),
                new XElement(Ws + "TypeActivite", point.Kind),
                Hours("Horaires_Lundi"), Hours("Horaires_Mardi"), Hours("Horaires_Mercredi"), Hours("Horaires_Jeudi"), Hours("Horaires_Vendredi"),
                Hours("Horaires_Samedi"), new XElement(Ws + "Horaires_Dimanche", Enumerable.Repeat(new XElement(Ws + "string", "0000"), 4)),
                new XElement(Ws + "URL_Photo", $"https://www.mondialrelay.com/public/permanent/photo_relais.aspx?ens=BDTEST13&num={point.Id}&pays={point.Country}"),
                new XElement(Ws + "URL_Plan", $"https://www.mondialrelay.com/public/permanent/plan_relais.aspx?ens=BDTEST13&num={point.Id}&pays={point.Country}"),
                new XElement(Ws + "Distance", point.DistanceMeters)))));
    }

    private static XElement Hours(string day) =>
        new(Ws + day, new XElement(Ws + "string", "0900"), new XElement(Ws + "string", "1230"), new XElement(Ws + "string", "1400"),
            new XElement(Ws + "string", "1900"));

    private static IResult Tracing(IReadOnlyDictionary<string, string> values, CarrierLedger ledger)
    {
        if (ledger.Parcel(CarrierLedger.MondialRelay, values.GetValueOrDefault("Expedition") ?? "") is not { } parcel)
        {
            return Answer("WSI2_TracingColisDetaille", new XElement(Ws + "STAT", 94));
        }

        var last = parcel.Events.LastOrDefault();
        var stat = last is null ? 80 : last.Code == "delivered" ? 82 : last.Code == "anomaly" ? 83 : 81;
        return Answer("WSI2_TracingColisDetaille",
            new XElement(Ws + "STAT", stat),
            new XElement(Ws + "Libelle01", last?.Label ?? "Colis enregistré"),
            new XElement(Ws + "Relais_Libelle", last?.RelayId is null ? "" : "POINT RELAIS " + last.RelayId),
            new XElement(Ws + "Relais_Num", last?.RelayId ?? ""),
            new XElement(Ws + "Libelle02", ""),
            new XElement(Ws + "Tracing", parcel.Events.Select(e =>
            {
                var local = ParisTime.Of(e.At);
                return new XElement(Ws + "ret_WSI2_sub_TracingColisDetaille",
                    new XElement(Ws + "Libelle", e.Label),
                    new XElement(Ws + "Date", local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
                    new XElement(Ws + "Heure", local.ToString("HH:mm", CultureInfo.InvariantCulture)),
                    new XElement(Ws + "Emplacement", e.Location ?? ""),
                    new XElement(Ws + "Relais_Num", e.RelayId ?? ""),
                    new XElement(Ws + "Relais_Pays", e.RelayId is null ? "" : "FR"));
            })));
    }

    private static IResult Answer(string operation, params object[] content) => Envelope(
        new XElement(Ws + (operation + "Response"), new XElement(Ws + (operation + "Result"), content)));

    private static IResult Fault(string code, string message) =>
        Envelope(new XElement(Soap + "Fault", new XElement("faultcode", code), new XElement("faultstring", message)), StatusCodes.Status500InternalServerError);

    private static IResult Envelope(XElement body, int status = StatusCodes.Status200OK) => Results.Text(
        Xml.Declared(new XElement(Soap + "Envelope", new XAttribute(XNamespace.Xmlns + "soap", Soap), new XElement(Soap + "Body", body))),
        "text/xml; charset=utf-8", Encoding.UTF8, status);
}

public static class Xml
{
    public static string Declared(XElement root) => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting);
}

/// <summary>Carriers print local French time; the sandbox does as they do.</summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTime Of(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    public static DateTimeOffset OffsetOf(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);
}
