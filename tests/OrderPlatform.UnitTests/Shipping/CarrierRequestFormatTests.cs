extern alias shipping;

using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using shipping::OrderPlatform.Shipping.Carriers;
using shipping::OrderPlatform.Shipping.Carriers.LaPoste;
using shipping::OrderPlatform.Shipping.Carriers.MondialRelay;

namespace OrderPlatform.UnitTests.Shipping;

/// <summary>Every request the carrier adapters send, checked against the format PROVIDERS.md documents, and their answers read back.</summary>
public sealed class CarrierRequestFormatTests
{
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Ws = "http://www.mondialrelay.fr/webservice/";
    private static readonly XNamespace ConnectNs = "http://www.example.org/Request";
    private static readonly PostalAddress Camille = new("Camille", "Durand", "12 rue de la Paix", "Bât. B", "75002", "Paris", "FR", "0612345678");
    private static readonly PostalAddress Warehouse = new(null, null, "1 rue de l'Entrepôt", null, "93200", "Saint-Denis", "FR", null);

    private static readonly MondialRelayOptions MondialRelay = new()
    {
        WsiAddress = new Uri("https://mr.test/Web_Services.asmx"), ConnectAddress = new Uri("https://connect.test/api/shipment"), Enseigne = "BDTEST13",
        PrivateKey = "PrivateK", Login = "login@test", Password = "secret", CustomerId = "BDTEST",
    };

    private static readonly LaPosteOptions LaPoste = new()
    {
        SlsAddress = new Uri("https://sls.test/sls-ws/SlsServiceWSRest/2.0/"), PickupPointsAddress = new Uri("https://sls.test/pointretrait/"),
        TrackingAddress = new Uri("https://api.test/suivi/v2/"), ContractNumber = "800000", Password = "pw", OkapiKey = "okapi",
    };

    private static LabelRequest Label(string mode, string? pickupPointId) =>
        new(Guid.NewGuid(), "CMD-2026-000042", mode, pickupPointId, Camille, Warehouse, "Kaporal", 800, new DateOnly(2026, 11, 23));

    [Fact]
    public async Task Mondial_Relay_relay_search_is_a_SOAP_call_with_parameters_in_WSDL_order_and_their_security_key()
    {
        var wire = new Wire(HttpStatusCode.OK, """
            <?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
            <WSI4_PointRelais_RechercheResponse xmlns="http://www.mondialrelay.fr/webservice/"><WSI4_PointRelais_RechercheResult><STAT>0</STAT>
            <PointsRelais><PointRelais_Details><Num>020340</Num><LgAdr1>TABAC DE LA MAIRIE</LgAdr1><LgAdr2 /><LgAdr3>3 RUE DE LA REPUBLIQUE</LgAdr3><LgAdr4 />
            <CP>75002</CP><Ville>PARIS</Ville><Pays>FR</Pays><Latitude>48,8500000</Latitude><Longitude>2,3500000</Longitude><TypeActivite>24R</TypeActivite>
            <Horaires_Lundi><string>0900</string><string>1230</string><string>1400</string><string>1900</string></Horaires_Lundi><Distance>150</Distance>
            </PointRelais_Details></PointsRelais></WSI4_PointRelais_RechercheResult></WSI4_PointRelais_RechercheResponse></soap:Body></soap:Envelope>
            """);
        var carrier = new MondialRelayCarrier(new HttpClient(wire), Options.Create(MondialRelay));

        var points = await carrier.SearchPickupPointsAsync("75002", "FR", CancellationToken.None);

        Assert.Equal("\"http://www.mondialrelay.fr/webservice/WSI4_PointRelais_Recherche\"", wire.Header("SOAPAction"));
        var call = XDocument.Parse(wire.Body).Root!.Element(Soap + "Body")!.Element(Ws + "WSI4_PointRelais_Recherche")!;
        string[] wsdlOrder = ["Enseigne", "Pays", "NumPointRelais", "Ville", "CP", "Latitude", "Longitude", "Taille", "Poids", "Action", "DelaiEnvoi",
            "RayonRecherche", "TypeActivite", "NACE", "NombreResultats", "Security"];
        Assert.Equal(wsdlOrder, call.Elements().Select(e => e.Name.LocalName));
        var signed = string.Concat(call.Elements().Where(e => e.Name.LocalName != "Security").Select(e => e.Value)) + "PrivateK";
#pragma warning disable CA5351 // checking Mondial Relay's own MD5 scheme
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.MD5.HashData(Encoding.Latin1.GetBytes(signed))), call.Element(Ws + "Security")!.Value);
#pragma warning restore CA5351
        var point = Assert.Single(points);
        Assert.Equal(("020340", "TABAC DE LA MAIRIE", "75002", 48.85, "09:00-12:30 14:00-19:00"),
            (point.Id, point.Name, point.PostalCode, point.Latitude!.Value, point.OpeningHours["monday"]));
    }

    [Fact]
    public async Task Mondial_Relay_tracing_is_signed_and_its_lines_are_read_in_Paris_time_and_recognised()
    {
        var wire = new Wire(HttpStatusCode.OK, """
            <?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
            <WSI2_TracingColisDetailleResponse xmlns="http://www.mondialrelay.fr/webservice/"><WSI2_TracingColisDetailleResult><STAT>81</STAT>
            <Libelle01>Colis disponible au Point Relais</Libelle01><Relais_Libelle>TABAC</Relais_Libelle><Relais_Num>020340</Relais_Num><Libelle02 />
            <Tracing><ret_WSI2_sub_TracingColisDetaille><Libelle>Prise en charge en agence</Libelle><Date>19/11/2026</Date><Heure>18:40</Heure>
            <Emplacement>AGENCE PARIS</Emplacement><Relais_Num /><Relais_Pays /></ret_WSI2_sub_TracingColisDetaille>
            <ret_WSI2_sub_TracingColisDetaille><Libelle>Colis disponible au Point Relais</Libelle><Date>20/11/2026</Date><Heure>10:15</Heure>
            <Emplacement /><Relais_Num>020340</Relais_Num><Relais_Pays>FR</Relais_Pays></ret_WSI2_sub_TracingColisDetaille>
            <ret_WSI2_sub_TracingColisDetaille><Libelle /><Date /><Heure /><Emplacement /><Relais_Num /><Relais_Pays /></ret_WSI2_sub_TracingColisDetaille>
            </Tracing></WSI2_TracingColisDetailleResult></WSI2_TracingColisDetailleResponse></soap:Body></soap:Envelope>
            """);
        var carrier = new MondialRelayCarrier(new HttpClient(wire), Options.Create(MondialRelay));

        var events = await carrier.ReadTrackingAsync("12345678", CancellationToken.None);

        var call = XDocument.Parse(wire.Body).Root!.Descendants(Ws + "WSI2_TracingColisDetaille").Single();
        Assert.Equal(["Enseigne", "Expedition", "Langue", "Security"], call.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(MondialRelaySecurity.Compute("BDTEST13", [new("Expedition", "12345678"), new("Langue", "FR")], "PrivateK"), call.Element(Ws + "Security")!.Value);
        Assert.Equal(["in-transit", "available-for-pickup"], events.Select(e => e.Status));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero), events[1].At);
        Assert.Equal("020340", events[1].RelayId);
    }

    [Theory]
    [InlineData("97")]
    [InlineData("94")]
    public async Task Mondial_Relay_refusals_are_reported_with_their_STAT(string stat)
    {
        var wire = new Wire(HttpStatusCode.OK, $"""
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><WSI2_TracingColisDetailleResponse xmlns="http://www.mondialrelay.fr/webservice/">
            <WSI2_TracingColisDetailleResult><STAT>{stat}</STAT></WSI2_TracingColisDetailleResult></WSI2_TracingColisDetailleResponse></soap:Body></soap:Envelope>
            """);
        var carrier = new MondialRelayCarrier(new HttpClient(wire), Options.Create(MondialRelay));

        var refused = await Assert.ThrowsAsync<CarrierRejectedException>(() => carrier.ReadTrackingAsync("12345678", CancellationToken.None));

        Assert.Equal("mondial-relay-stat-" + stat, refused.Code);
    }

    [Fact]
    public async Task Mondial_Relay_labels_go_through_API_Connect_to_the_relay_in_grams_collected_at_the_warehouse()
    {
        var wire = new Wire(HttpStatusCode.OK, """
            <?xml version="1.0" encoding="utf-8"?><ShipmentCreationResponse xmlns="http://www.example.org/Response"><StatusList />
            <ShipmentsList><Shipment ShipmentNumber="87654321"><LabelList><Label><Output>https://connect.test/label/87654321.pdf</Output></Label></LabelList>
            </Shipment></ShipmentsList></ShipmentCreationResponse>
            """);
        var carrier = new MondialRelayCarrier(new HttpClient(wire), Options.Create(MondialRelay));

        var label = await carrier.BookLabelAsync(Label("relay-point", "020340"), CancellationToken.None);

        Assert.Equal("https://connect.test/api/shipment", wire.Uri!.ToString());
        var request = XDocument.Parse(wire.Body).Root!;
        Assert.Equal(ConnectNs + "ShipmentCreationRequest", request.Name);
        Assert.Equal(["login@test", "secret", "BDTEST"],
            new[] { "Login", "Password", "CustomerId" }.Select(name => request.Element(ConnectNs + "Context")!.Element(ConnectNs + name)!.Value));
        var shipment = request.Descendants(ConnectNs + "Shipment").Single();
        Assert.Equal(("24R", "FR-020340"), ((string)shipment.Element(ConnectNs + "DeliveryMode")!.Attribute("Mode")!,
            (string)shipment.Element(ConnectNs + "DeliveryMode")!.Attribute("Location")!));
        Assert.Equal("CCC", (string)shipment.Element(ConnectNs + "CollectionMode")!.Attribute("Mode")!);
        var weight = shipment.Descendants(ConnectNs + "Weight").Single();
        Assert.Equal(("800", "gr"), ((string)weight.Attribute("Value")!, (string)weight.Attribute("Unit")!));
        var recipient = shipment.Element(ConnectNs + "Recipient")!.Element(ConnectNs + "Address")!;
        Assert.Equal(["Durand", "12 rue de la Paix", "75002", "Paris", "FR"],
            new[] { "Lastname", "Streetname", "PostCode", "City", "CountryCode" }.Select(name => recipient.Element(ConnectNs + name)!.Value));
        Assert.Equal(("87654321", "https://connect.test/label/87654321.pdf"), (label.TrackingNumber, label.LabelUrl));
        Assert.Equal(new Uri("https://connect.test/label/87654321.pdf"), wire.Requested[^1]); // the PDF is fetched and kept
        Assert.NotNull(label.LabelPdf);
        Assert.Equal("https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition=87654321&codePostal=75002", label.TrackingUrl);
    }

    [Fact]
    public async Task Return_labels_go_from_the_customer_to_the_warehouse_dropped_at_a_relay_or_as_Colissimo_CORE()
    {
        var mr = new Wire(HttpStatusCode.OK, """
            <ShipmentCreationResponse xmlns="http://www.example.org/Response"><StatusList /><ShipmentsList><Shipment ShipmentNumber="11112222" /></ShipmentsList>
            </ShipmentCreationResponse>
            """);
        var lp = new Wire(HttpStatusCode.OK, Multipart("""{"messages":[],"labelV2Response":{"parcelNumber":"8R00000000001"}}""", null),
            "multipart/mixed; boundary=\"uuid:b1\"");

        await new MondialRelayCarrier(new HttpClient(mr), Options.Create(MondialRelay)).BookLabelAsync(Label("return", null) with { Return = true }, CancellationToken.None);
        await new LaPosteCarrier(new HttpClient(lp), Options.Create(LaPoste), TimeProvider.System).BookLabelAsync(Label("return", null) with { Return = true },
            CancellationToken.None);

        var shipment = XDocument.Parse(mr.Body).Root!.Descendants(ConnectNs + "Shipment").Single();
        Assert.Equal(("LCC", "REL"), ((string)shipment.Element(ConnectNs + "DeliveryMode")!.Attribute("Mode")!,
            (string)shipment.Element(ConnectNs + "CollectionMode")!.Attribute("Mode")!));
        Assert.Equal("Durand", shipment.Element(ConnectNs + "Sender")!.Element(ConnectNs + "Address")!.Element(ConnectNs + "Lastname")!.Value);
        Assert.Equal("Kaporal", shipment.Element(ConnectNs + "Recipient")!.Element(ConnectNs + "Address")!.Element(ConnectNs + "Lastname")!.Value);
        var letter = JsonDocument.Parse(lp.Body).RootElement.GetProperty("letter");
        Assert.Equal("CORE", letter.GetProperty("service").GetProperty("productCode").GetString());
        Assert.Equal("Kaporal", letter.GetProperty("addressee").GetProperty("address").GetProperty("companyName").GetString());
        Assert.Equal("75002", letter.GetProperty("sender").GetProperty("address").GetProperty("zipCode").GetString());
    }

    [Fact]
    public async Task Mondial_Relay_errors_in_the_status_list_are_refusals()
    {
        var wire = new Wire(HttpStatusCode.OK, """
            <ShipmentCreationResponse xmlns="http://www.example.org/Response"><StatusList><Status Code="10011" Level="Error" Message="Point Relais invalide" /></StatusList>
            <ShipmentsList /></ShipmentCreationResponse>
            """);
        var carrier = new MondialRelayCarrier(new HttpClient(wire), Options.Create(MondialRelay));

        var refused = await Assert.ThrowsAsync<CarrierRejectedException>(() => carrier.BookLabelAsync(Label("relay-point", "1"), CancellationToken.None));

        Assert.Equal("mondial-relay-10011", refused.Code);
        Assert.Contains("Location=\"FR-000001\"", wire.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Colissimo_labels_send_the_documented_JSON_and_read_the_multipart_answer()
    {
        var pdf = "%PDF-1.4 label"u8.ToArray();
        var wire = new Wire(HttpStatusCode.OK, Multipart("""{"messages":[{"id":"0","type":"INFOS","messageContent":"ok"}],"labelV2Response":{"parcelNumber":"6A12345678901"}}""", pdf),
            "multipart/mixed; boundary=\"uuid:b1\"; type=\"application/json\"");
        var carrier = new LaPosteCarrier(new HttpClient(wire), Options.Create(LaPoste), TimeProvider.System);

        var label = await carrier.BookLabelAsync(Label("home", null), CancellationToken.None);

        Assert.Equal("https://sls.test/sls-ws/SlsServiceWSRest/2.0/generateLabel", wire.Uri!.ToString());
        var body = JsonDocument.Parse(wire.Body).RootElement;
        Assert.Equal(("800000", "pw", "PDF_10x15_300dpi"), (body.GetProperty("contractNumber").GetString(), body.GetProperty("password").GetString(),
            body.GetProperty("outputFormat").GetProperty("outputPrintingType").GetString()));
        var letter = body.GetProperty("letter");
        Assert.Equal(("DOM", "2026-11-23", "CMD-2026-000042"), (letter.GetProperty("service").GetProperty("productCode").GetString(),
            letter.GetProperty("service").GetProperty("depositDate").GetString(), letter.GetProperty("service").GetProperty("orderNumber").GetString()));
        Assert.Equal(0.8, letter.GetProperty("parcel").GetProperty("weight").GetDouble());
        Assert.False(letter.GetProperty("parcel").TryGetProperty("pickupLocationId", out _));
        var addressee = letter.GetProperty("addressee").GetProperty("address");
        Assert.Equal(("12 rue de la Paix", "75002", "FR", "Durand"), (addressee.GetProperty("line2").GetString(), addressee.GetProperty("zipCode").GetString(),
            addressee.GetProperty("countryCode").GetString(), addressee.GetProperty("lastName").GetString()));
        Assert.Equal("Kaporal", letter.GetProperty("sender").GetProperty("address").GetProperty("companyName").GetString());
        Assert.Equal("6A12345678901", label.TrackingNumber);
        Assert.Equal(pdf, label.LabelPdf);
        Assert.Equal("https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901", label.TrackingUrl);
    }

    [Fact]
    public async Task Colissimo_errors_come_back_as_refusals_with_their_message_id()
    {
        var wire = new Wire(HttpStatusCode.BadRequest, Multipart("""{"messages":[{"id":"30220","type":"ERROR","messageContent":"Le code produit est incorrect."}],"labelV2Response":null}""", null),
            "multipart/mixed; boundary=\"uuid:b1\"");
        var carrier = new LaPosteCarrier(new HttpClient(wire), Options.Create(LaPoste), TimeProvider.System);

        var refused = await Assert.ThrowsAsync<CarrierRejectedException>(() => carrier.BookLabelAsync(Label("home", null), CancellationToken.None));

        Assert.Equal("la-poste-30220", refused.Code);
    }

    [Fact]
    public async Task La_Poste_tracking_asks_Suivi_v2_with_the_Okapi_key_and_reads_its_codes_oldest_first()
    {
        var wire = new Wire(HttpStatusCode.OK, """
            {"lang":"fr_FR","scope":"open","returnCode":200,"shipment":{"idShip":"6A12345678901","product":"colissimo","isFinal":false,
             "event":[{"code":"AG1","label":"Votre colis est disponible dans votre bureau de poste","date":"2026-11-21T09:30:00+01:00"},
                      {"code":"ND1","label":"Destinataire absent, avis de passage","date":"2026-11-20T11:05:00+01:00"},
                      {"code":"PC1","label":"Pris en charge","date":"2026-11-19T17:00:00+01:00"}]}}
            """, "application/json");
        var carrier = new LaPosteCarrier(new HttpClient(wire), Options.Create(LaPoste), TimeProvider.System);

        var events = await carrier.ReadTrackingAsync("6A12345678901", CancellationToken.None);

        Assert.Equal("https://api.test/suivi/v2/idships/6A12345678901?lang=fr_FR", wire.Uri!.ToString());
        Assert.Equal("okapi", wire.Header("X-Okapi-Key"));
        Assert.Equal(["in-transit", "notice-left", "available-for-pickup"], events.Select(e => e.Status));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 5, 0, TimeSpan.Zero), events[1].At);
    }

    [Fact]
    public async Task La_Poste_pickup_points_are_asked_with_the_contract_and_a_postal_code()
    {
        var wire = new Wire(HttpStatusCode.OK, """
            {"errorCode":0,"errorMessage":"Code retour OK","listePointRetraitAcheminement":[{"identifiant":"100042","nom":"BUREAU DE POSTE CENTRE",
             "adresse1":"3 RUE DE LA REPUBLIQUE","adresse2":"","adresse3":"","codePostal":"75002","localite":"PARIS","codePays":"FR","typeDePoint":"BPR",
             "coordGeolocalisationLatitude":"48.85","coordGeolocalisationLongitude":"2.35","distanceEnMetre":150,"horairesOuvertureLundi":"09:00-12:00 14:00-18:00"}]}
            """, "application/json");
        var carrier = new LaPosteCarrier(new HttpClient(wire), Options.Create(LaPoste), TimeProvider.System);

        var point = Assert.Single(await carrier.SearchPickupPointsAsync("75002", "FR", CancellationToken.None));

        Assert.Equal("https://sls.test/pointretrait/findRDVPointRetraitAcheminement", wire.Uri!.ToString());
        var body = JsonDocument.Parse(wire.Body).RootElement;
        Assert.Equal(("800000", "pw", "75002", "FR"), (body.GetProperty("accountNumber").GetString(), body.GetProperty("password").GetString(),
            body.GetProperty("zipCode").GetString(), body.GetProperty("countryCode").GetString()));
        Assert.Equal(("100042", "BPR", 150), (point.Id, point.Kind, point.DistanceMeters));
    }

    private static string Multipart(string json, byte[]? label)
    {
        var text = $"--uuid:b1\r\nContent-Type: application/json;charset=UTF-8\r\nContent-ID: <jsonInfos>\r\n\r\n{json}\r\n";
        if (label is not null)
        {
            text += $"--uuid:b1\r\nContent-Type: application/octet-stream\r\nContent-ID: <label>\r\n\r\n{Encoding.Latin1.GetString(label)}\r\n";
        }

        return text + "--uuid:b1--\r\n";
    }

    /// <summary>Answers every request with one canned response and keeps the first request sent (the call; a label download may follow).</summary>
    private sealed class Wire(HttpStatusCode status, string answer, string contentType = "text/xml") : HttpMessageHandler
    {
        private HttpRequestMessage? first;

        public string Body { get; private set; } = "";

        public Uri? Uri => first?.RequestUri;

        public List<Uri> Requested { get; } = [];

        public string? Header(string name) => first?.Headers.TryGetValues(name, out var values) == true ? values.Single() : null;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requested.Add(request.RequestUri!);
            if (first is null)
            {
                first = request;
                Body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            }

            var content = new ByteArrayContent(Encoding.Latin1.GetBytes(answer));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return new HttpResponseMessage(status) { Content = content };
        }
    }
}
