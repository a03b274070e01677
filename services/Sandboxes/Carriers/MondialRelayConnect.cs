using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OrderPlatform.Sandboxes.Carriers;

/// <summary>
/// Mondial Relay's API Connect shipment creation (XML over HTTPS POST <c>/api/shipment</c>), checked as
/// strictly as PROVIDERS.md allows: the context's credentials, delivery and collection modes, a relay
/// location for relay deliveries, a weight in grams, both addresses. Errors come back as MR sends
/// them: HTTP 200 with a <c>Status</c> of level Error. The label is a PDF the sandbox serves.
/// </summary>
public static partial class MondialRelayConnect
{
    public static readonly XNamespace RequestNs = "http://www.example.org/Request";
    public static readonly XNamespace ResponseNs = "http://www.example.org/Response";

    private static readonly string[] DeliveryModes = ["24R", "24L", "HOM", "XOH", "LCC"];
    private static readonly string[] CollectionModes = ["REL", "CCC"];

    public static void MapMondialRelayConnect(this IEndpointRouteBuilder carriers)
    {
        carriers.MapPost("/mondial-relay/api/shipment", async (HttpRequest request, CarrierLedger ledger) =>
        {
            if (ledger.TakeOutage(CarrierLedger.MondialRelay))
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            XElement root;
            try
            {
                root = (await XDocument.LoadAsync(request.Body, LoadOptions.None, request.HttpContext.RequestAborted)).Root!;
            }
            catch (System.Xml.XmlException)
            {
                return Answer([Error("10000", "Le flux XML est invalide.")], null);
            }

            var errors = Validate(root, ledger).ToList();
            if (errors.Count > 0)
            {
                return Answer(errors, null);
            }

            var shipment = root.Element(RequestNs + "ShipmentsList")!.Element(RequestNs + "Shipment")!;
            var mode = shipment.Element(RequestNs + "DeliveryMode")!;
            var recipient = shipment.Element(RequestNs + "Recipient")!.Element(RequestNs + "Address")!;
            var location = (string?)mode.Attribute("Location");
            var parcel = ledger.Create(CarrierLedger.MondialRelay, (string)mode.Attribute("Mode")!, (string?)shipment.Element(RequestNs + "OrderNo") ?? "",
                string.IsNullOrEmpty(location) ? null : location[3..], (string?)recipient.Element(RequestNs + "PostCode") ?? "",
                (string?)recipient.Element(RequestNs + "CountryCode") ?? "FR");
            var labelUrl = $"{request.Scheme}://{request.Host}/carriers/mondial-relay/labels/{parcel.TrackingNumber}.pdf";
            return Answer([], new XElement(ResponseNs + "Shipment", new XAttribute("ShipmentNumber", parcel.TrackingNumber),
                new XElement(ResponseNs + "LabelList", new XElement(ResponseNs + "Label", new XElement(ResponseNs + "Output", labelUrl)))));
        }).WithTags("Carrier sandboxes").ExcludeFromDescription();

        carriers.MapGet("/mondial-relay/labels/{number}.pdf", (string number, CarrierLedger ledger) =>
            ledger.Parcel(CarrierLedger.MondialRelay, number) is { } parcel
                ? Results.File(LabelPdf.For("MONDIAL RELAY", parcel), "application/pdf", $"{number}.pdf")
                : Results.NotFound()).ExcludeFromDescription();
    }

    private static IEnumerable<XElement> Validate(XElement root, CarrierLedger ledger)
    {
        if (root.Name != RequestNs + "ShipmentCreationRequest")
        {
            yield return Error("10001", "ShipmentCreationRequest attendu.");
            yield break;
        }

        var context = root.Element(RequestNs + "Context");
        if ((string?)context?.Element(RequestNs + "Login") != ledger.Setting("MondialRelay:Login", "BDTEST@business-api.mondialrelay.com")
            || (string?)context?.Element(RequestNs + "Password") != ledger.Setting("MondialRelay:Password", "SandboxConnect1")
            || (string?)context?.Element(RequestNs + "CustomerId") != ledger.Setting("MondialRelay:CustomerId", "BDTEST"))
        {
            yield return Error("10003", "Identifiants de connexion invalides.");
            yield break;
        }

        var output = root.Element(RequestNs + "OutputOptions");
        if ((string?)output?.Element(RequestNs + "OutputFormat") is not ("10x15" or "A4" or "A5")
            || (string?)output?.Element(RequestNs + "OutputType") is not ("PdfUrl" or "ZplCode" or "IplCode" or "QRCode"))
        {
            yield return Error("10004", "OutputOptions invalides.");
        }

        var shipments = root.Element(RequestNs + "ShipmentsList")?.Elements(RequestNs + "Shipment").ToList() ?? [];
        if (shipments.Count != 1)
        {
            yield return Error("10005", "Une expédition attendue.");
            yield break;
        }

        var shipment = shipments[0];
        var delivery = shipment.Element(RequestNs + "DeliveryMode");
        var deliveryMode = (string?)delivery?.Attribute("Mode");
        if (!DeliveryModes.Contains(deliveryMode))
        {
            yield return Error("10010", "Mode de livraison invalide.");
        }
        else if (deliveryMode is "24R" or "24L" && !RelayLocation().IsMatch((string?)delivery!.Attribute("Location") ?? ""))
        {
            yield return Error("10011", "Point Relais de livraison invalide (attendu PAYS-NNNNNN).");
        }

        if (!CollectionModes.Contains((string?)shipment.Element(RequestNs + "CollectionMode")?.Attribute("Mode")))
        {
            yield return Error("10012", "Mode de collecte invalide.");
        }

        if (!int.TryParse((string?)shipment.Element(RequestNs + "ParcelCount"), out var count) || count < 1)
        {
            yield return Error("10013", "Nombre de colis invalide.");
        }

        var weights = shipment.Element(RequestNs + "Parcels")?.Elements(RequestNs + "Parcel").Select(p => p.Element(RequestNs + "Weight")).ToList() ?? [];
        if (weights.Count == 0 || weights.Any(w => (string?)w?.Attribute("Unit") != "gr" || !int.TryParse((string?)w.Attribute("Value"), out var grams)
                                                     || grams is < 10 or > 30_000))
        {
            yield return Error("10014", "Poids invalide (grammes, de 10 à 30 000).");
        }

        foreach (var party in new[] { "Sender", "Recipient" })
        {
            var address = shipment.Element(RequestNs + party)?.Element(RequestNs + "Address");
            if (string.IsNullOrWhiteSpace((string?)address?.Element(RequestNs + "Streetname"))
                || string.IsNullOrWhiteSpace((string?)address.Element(RequestNs + "PostCode"))
                || string.IsNullOrWhiteSpace((string?)address.Element(RequestNs + "City"))
                || ((string?)address.Element(RequestNs + "CountryCode"))?.Length != 2
                || string.IsNullOrWhiteSpace((string?)address.Element(RequestNs + "Lastname")))
            {
                yield return Error("10020", $"Adresse {party} incomplète.");
            }
        }
    }

    private static XElement Error(string code, string message) =>
        new(ResponseNs + "Status", new XAttribute("Code", code), new XAttribute("Level", "Error"), new XAttribute("Message", message));

    private static IResult Answer(IReadOnlyList<XElement> statuses, XElement? shipment) => Results.Text(
        Xml.Declared(new XElement(ResponseNs + "ShipmentCreationResponse",
            new XElement(ResponseNs + "StatusList", statuses),
            new XElement(ResponseNs + "ShipmentsList", shipment))),
        "text/xml; charset=utf-8", Encoding.UTF8);

    [GeneratedRegex("^[A-Z]{2}-[0-9]{6}$")]
    private static partial Regex RelayLocation();
}
