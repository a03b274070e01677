using System.Globalization;
using System.Text;
using System.Xml.Linq;
using OrderPlatform.Shipping.Domain;

namespace OrderPlatform.Shipping.Carriers.MondialRelay;

/// <summary>Where Mondial Relay is and who we are to it (<c>Shipping:Carriers:MondialRelay</c>).</summary>
public sealed class MondialRelayOptions
{
    /// <summary>Who we are to Mondial Relay: the sandbox's in Development, required anywhere else.</summary>
    public static readonly string[] RequiredSettings =
    [
        "Shipping:Carriers:MondialRelay:Enseigne", "Shipping:Carriers:MondialRelay:PrivateKey", "Shipping:Carriers:MondialRelay:Login",
        "Shipping:Carriers:MondialRelay:Password", "Shipping:Carriers:MondialRelay:CustomerId",
    ];

    public Uri WsiAddress { get; set; } = new("https://api.mondialrelay.com/Web_Services.asmx");
    public Uri ConnectAddress { get; set; } = new("https://connect-api.mondialrelay.com/api/shipment");
    public string Enseigne { get; set; } = "";
    public string PrivateKey { get; set; } = "";
    public string Login { get; set; } = "";
    public string Password { get; set; } = "";
    public string CustomerId { get; set; } = "";
    /// <summary>{0} the parcel number, {1} the recipient's postal code.</summary>
    public string TrackingUrlTemplate { get; set; } = "https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition={0}&codePostal={1}";
}

/// <summary>
/// Mondial Relay: relay points and tracing over the WSI SOAP service (each call signed with its
/// <c>Security</c> key), labels over API Connect's XML shipment API. Delivery modes: 24R to a relay
/// point, HOM to the door; collection CCC (the carrier collects at the warehouse).
/// </summary>
public sealed class MondialRelayCarrier(HttpClient http, Microsoft.Extensions.Options.IOptions<MondialRelayOptions> options) : ICarrier
{
    public const string Name = "mondial-relay";

    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Ws = "http://www.mondialrelay.fr/webservice/";
    private static readonly XNamespace ConnectRequest = "http://www.example.org/Request";
    private static readonly XNamespace ConnectResponse = "http://www.example.org/Response";

    private MondialRelayOptions Options => options.Value;

    public string Code => Name;

    public async Task<IReadOnlyList<PickupPoint>> SearchPickupPointsAsync(string postalCode, string country, CancellationToken cancellationToken)
    {
        var result = await CallWsiAsync("WSI4_PointRelais_Recherche",
        [
            new("Pays", country), new("NumPointRelais", ""), new("Ville", ""), new("CP", postalCode), new("Latitude", ""), new("Longitude", ""),
            new("Taille", ""), new("Poids", ""), new("Action", "24R"), new("DelaiEnvoi", "0"), new("RayonRecherche", "20"), new("TypeActivite", ""),
            new("NACE", ""), new("NombreResultats", "10"),
        ], cancellationToken);
        RequireStat(result, 0);
        return result.Descendants(Ws + "PointRelais_Details").Select(point => new PickupPoint(Name, Value(point, "Num"),
            Join(Value(point, "LgAdr1"), Value(point, "LgAdr2")), Join(Value(point, "LgAdr3"), Value(point, "LgAdr4")), Value(point, "CP"),
            Value(point, "Ville"), Value(point, "Pays"), Value(point, "TypeActivite"), Coordinate(Value(point, "Latitude")), Coordinate(Value(point, "Longitude")),
            int.TryParse(Value(point, "Distance"), out var distance) ? distance : null, Hours(point))).ToList();
    }

    public async Task<IReadOnlyList<TrackingEvent>> ReadTrackingAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var result = await CallWsiAsync("WSI2_TracingColisDetaille", [new("Expedition", trackingNumber), new("Langue", "FR")], cancellationToken);
        var stat = int.TryParse(Value(result, "STAT"), out var s) ? s : -1;
        if (!MondialRelayTracking.IsParcelState(stat))
        {
            RequireStat(result, 0);
        }

        var events = result.Descendants(Ws + "ret_WSI2_sub_TracingColisDetaille")
            .Where(line => Value(line, "Libelle").Length > 0 && Value(line, "Date").Length > 0)
            .Select(line => new TrackingEvent(MondialRelayTracking.Recognise(Value(line, "Libelle"), Value(line, "Relais_Num")),
                MondialRelayTracking.ParseParisTime(Value(line, "Date"), Value(line, "Heure")), null, Value(line, "Libelle"),
                NullIfEmpty(Value(line, "Relais_Num")), NullIfEmpty(Value(line, "Emplacement"))))
            .ToList();
        // STAT 82 is Mondial Relay's own word for delivered, whatever the last line's wording.
        if (stat == 82 && events.Count > 0 && events[^1].Status != ShipmentStatus.Delivered)
        {
            events[^1] = events[^1] with { Status = ShipmentStatus.Delivered };
        }

        return events;
    }

    public async Task<BookedLabel> BookLabelAsync(LabelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = ShipmentCreationRequest(request, Options);
        var response = await SendAsync(Options.ConnectAddress, new StringContent(body, Encoding.UTF8, "text/xml"), null, cancellationToken);
        var root = XDocument.Parse(response).Root ?? throw new CarrierUnavailableException("Mondial Relay answered an empty document.");
        if (root.Descendants(ConnectResponse + "Status").FirstOrDefault(status => (string?)status.Attribute("Level") is "Error" or "Critical Error") is { } error)
        {
            throw new CarrierRejectedException("mondial-relay-" + (string?)error.Attribute("Code"), (string?)error.Attribute("Message") ?? "refused");
        }

        var shipment = root.Descendants(ConnectResponse + "Shipment").FirstOrDefault(s => s.Attribute("ShipmentNumber") is not null)
                       ?? throw new CarrierUnavailableException("Mondial Relay answered without a shipment number.");
        var number = (string)shipment.Attribute("ShipmentNumber")!;
        var labelUrl = (string?)shipment.Descendants(ConnectResponse + "Output").FirstOrDefault();
        return new BookedLabel(number, TrackingUrl(number, request.Return ? request.Sender.PostalCode : request.Recipient.PostalCode), labelUrl,
            labelUrl is null ? null : await LabelPdfAsync(labelUrl, cancellationToken));
    }

    /// <summary>API Connect gives the label as a URL; the PDF is kept so it can be printed again or sent with a return authorisation.</summary>
    private async Task<byte[]?> LabelPdfAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetByteArrayAsync(new Uri(url), cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException or Polly.ExecutionRejectedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            return null; // the URL stays: the label can still be fetched from Mondial Relay
        }
    }

    public string TrackingUrl(string number, string postalCode) =>
        string.Format(CultureInfo.InvariantCulture, Options.TrackingUrlTemplate, Uri.EscapeDataString(number), Uri.EscapeDataString(postalCode));

    /// <summary>
    /// API Connect's <c>ShipmentCreationRequest</c>: collected at the warehouse (CCC), to a relay point (24R, location PAYS-NNNNNN) or the
    /// door (HOM); a return is dropped off by the customer at any relay point (REL) and delivered to the warehouse (LCC).
    /// </summary>
    public static string ShipmentCreationRequest(LabelRequest request, MondialRelayOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var toRelay = !request.Return && request.PickupPointId is { Length: > 0 };
        var (deliveryMode, collectionMode) = request.Return ? ("LCC", "REL") : (toRelay ? "24R" : "HOM", "CCC");
        var (from, fromName, to, toName) = request.Return
            ? (request.Recipient, (string?)null, request.Sender, request.SenderName)
            : (request.Sender, request.SenderName, request.Recipient, (string?)null);
        var document = new XElement(ConnectRequest + "ShipmentCreationRequest",
            new XElement(ConnectRequest + "Context",
                new XElement(ConnectRequest + "Login", options.Login), new XElement(ConnectRequest + "Password", options.Password),
                new XElement(ConnectRequest + "CustomerId", options.CustomerId), new XElement(ConnectRequest + "Culture", "fr-FR"),
                new XElement(ConnectRequest + "VersionAPI", "1.0")),
            new XElement(ConnectRequest + "OutputOptions",
                new XElement(ConnectRequest + "OutputFormat", "10x15"), new XElement(ConnectRequest + "OutputType", "PdfUrl")),
            new XElement(ConnectRequest + "ShipmentsList", new XElement(ConnectRequest + "Shipment",
                new XElement(ConnectRequest + "OrderNo", request.OrderNumber),
                new XElement(ConnectRequest + "CustomerNo", request.ShipmentId.ToString("N")[..15]),
                new XElement(ConnectRequest + "ParcelCount", 1),
                new XElement(ConnectRequest + "DeliveryMode", new XAttribute("Mode", deliveryMode),
                    new XAttribute("Location", toRelay ? RelayLocation(request.PickupPointId!, request.Recipient.Country) : "")),
                new XElement(ConnectRequest + "CollectionMode", new XAttribute("Mode", collectionMode), new XAttribute("Location", "")),
                new XElement(ConnectRequest + "Parcels", new XElement(ConnectRequest + "Parcel",
                    new XElement(ConnectRequest + "Content", "Vêtements et accessoires"),
                    new XElement(ConnectRequest + "Weight", new XAttribute("Value", request.WeightGrams), new XAttribute("Unit", "gr")))),
                new XElement(ConnectRequest + "DeliveryInstruction", ""),
                new XElement(ConnectRequest + "Sender", Address(from, fromName)),
                new XElement(ConnectRequest + "Recipient", Address(to, toName)))));
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + document.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>API Connect names a relay point PAYS-NNNNNN; the WSI search gives the number alone.</summary>
    public static string RelayLocation(string pickupPointId, string country) =>
        pickupPointId.Contains('-', StringComparison.Ordinal) ? pickupPointId : $"{country.ToUpperInvariant()}-{pickupPointId.PadLeft(6, '0')}";

    private static XElement Address(Contracts.PostalAddress address, string? company) => new(ConnectRequest + "Address",
        new XElement(ConnectRequest + "Title", ""),
        new XElement(ConnectRequest + "Firstname", address.FirstName ?? ""),
        new XElement(ConnectRequest + "Lastname", company ?? address.LastName ?? ""),
        new XElement(ConnectRequest + "Streetname", address.Line1),
        new XElement(ConnectRequest + "HouseNo", ""),
        new XElement(ConnectRequest + "CountryCode", address.Country.ToUpperInvariant()),
        new XElement(ConnectRequest + "PostCode", address.PostalCode),
        new XElement(ConnectRequest + "City", address.City),
        new XElement(ConnectRequest + "AddressAdd1", address.Line2 ?? ""),
        new XElement(ConnectRequest + "AddressAdd2", ""),
        new XElement(ConnectRequest + "AddressAdd3", ""),
        new XElement(ConnectRequest + "PhoneNo", ""),
        new XElement(ConnectRequest + "MobileNo", address.Phone ?? ""),
        new XElement(ConnectRequest + "Email", ""));

    /// <summary>A WSI SOAP 1.1 envelope: Enseigne, the parameters in the WSDL's order, then their Security key.</summary>
    public static string WsiEnvelope(string operation, IReadOnlyList<KeyValuePair<string, string?>> parameters, MondialRelayOptions options)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(options);
        var security = MondialRelaySecurity.Compute(options.Enseigne, parameters, options.PrivateKey);
        var call = new XElement(Ws + operation,
            new XElement(Ws + "Enseigne", options.Enseigne),
            parameters.Select(parameter => new XElement(Ws + parameter.Key, parameter.Value ?? "")),
            new XElement(Ws + "Security", security));
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
               + new XElement(Soap + "Envelope", new XAttribute(XNamespace.Xmlns + "soap", Soap), new XElement(Soap + "Body", call))
                   .ToString(SaveOptions.DisableFormatting);
    }

    private async Task<XElement> CallWsiAsync(string operation, IReadOnlyList<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken)
    {
        var content = new StringContent(WsiEnvelope(operation, parameters, Options), Encoding.UTF8, "text/xml");
        var text = await SendAsync(Options.WsiAddress, content, $"\"{Ws.NamespaceName}{operation}\"", cancellationToken);
        return XDocument.Parse(text).Descendants(Ws + (operation + "Result")).FirstOrDefault()
               ?? throw new CarrierUnavailableException($"Mondial Relay answered {operation} without a result.");
    }

    private async Task<string> SendAsync(Uri address, HttpContent content, string? soapAction, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = content };
        if (soapAction is not null)
        {
            request.Headers.Add("SOAPAction", soapAction);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new CarrierUnavailableException($"Mondial Relay answered {(int)response.StatusCode}.");
            }

            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException or Polly.ExecutionRejectedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            throw new CarrierUnavailableException("Mondial Relay did not answer.", e);
        }
    }

    private static void RequireStat(XElement result, int expected)
    {
        var stat = Value(result, "STAT");
        if (stat != expected.ToString(CultureInfo.InvariantCulture))
        {
            throw new CarrierRejectedException("mondial-relay-stat-" + stat, stat switch
            {
                "97" => "Mondial Relay refused the security key (STAT 97): check the Enseigne and the private key.",
                "1" => "Mondial Relay does not know this Enseigne (STAT 1).",
                "94" => "Mondial Relay does not know this parcel (STAT 94).",
                _ => $"Mondial Relay answered STAT {stat}.",
            });
        }
    }

    private static IReadOnlyDictionary<string, string> Hours(XElement point)
    {
        var hours = new Dictionary<string, string>();
        foreach (var (element, day) in new[] { ("Lundi", "monday"), ("Mardi", "tuesday"), ("Mercredi", "wednesday"), ("Jeudi", "thursday"),
                     ("Vendredi", "friday"), ("Samedi", "saturday"), ("Dimanche", "sunday") })
        {
            var times = point.Element(Ws + ("Horaires_" + element))?.Elements(Ws + "string").Select(e => e.Value).ToList() ?? [];
            var slots = times.Chunk(2).Where(pair => pair.Length == 2 && pair[0] != "0000").Select(pair => $"{pair[0][..2]}:{pair[0][2..]}-{pair[1][..2]}:{pair[1][2..]}");
            hours[day] = string.Join(' ', slots);
        }

        return hours;
    }

    private static string Value(XElement parent, string name) => parent.Element(Ws + name)?.Value.Trim() ?? "";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string Join(params string[] parts) => string.Join(' ', parts.Where(part => part.Length > 0));

    private static double? Coordinate(string value) =>
        double.TryParse(value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var coordinate) ? coordinate : null;
}
