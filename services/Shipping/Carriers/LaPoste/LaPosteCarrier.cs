using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace OrderPlatform.Shipping.Carriers.LaPoste;

/// <summary>Where La Poste is and who we are to it (<c>Shipping:Carriers:LaPoste</c>).</summary>
public sealed class LaPosteOptions
{
    /// <summary>Who we are to La Poste: the sandbox's in Development, required anywhere else.</summary>
    public static readonly string[] RequiredSettings =
        ["Shipping:Carriers:LaPoste:ContractNumber", "Shipping:Carriers:LaPoste:Password", "Shipping:Carriers:LaPoste:OkapiKey"];

    public Uri SlsAddress { get; set; } = new("https://ws.colissimo.fr/sls-ws/SlsServiceWSRest/2.0/");
    public Uri PickupPointsAddress { get; set; } = new("https://ws.colissimo.fr/pointretrait-ws-cxf/rest/v2/pointretrait/");
    public Uri TrackingAddress { get; set; } = new("https://api.laposte.fr/suivi/v2/");
    public string ContractNumber { get; set; } = "";
    public string Password { get; set; } = "";
    /// <summary>The Okapi key for Suivi v2 (La Poste's developer portal).</summary>
    public string OkapiKey { get; set; } = "";
    /// <summary>{0} the parcel number.</summary>
    public string TrackingUrlTemplate { get; set; } = "https://www.laposte.fr/outils/suivre-vos-envois?code={0}";
}

/// <summary>
/// La Poste / Colissimo: labels through SLS <c>generateLabel</c> (JSON in, multipart out), pickup points
/// through <c>findRDVPointRetraitAcheminement</c>, tracking through Suivi v2. Products: DOM to the door,
/// A2P to a pickup point, BPR to a post office.
/// </summary>
public sealed class LaPosteCarrier(HttpClient http, Microsoft.Extensions.Options.IOptions<LaPosteOptions> options, TimeProvider time) : ICarrier
{
    public const string Name = "la-poste";

    private LaPosteOptions Options => options.Value;

    public string Code => Name;

    public async Task<IReadOnlyList<PickupPoint>> SearchPickupPointsAsync(string postalCode, string country, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["accountNumber"] = Options.ContractNumber, ["password"] = Options.Password, ["address"] = "", ["zipCode"] = postalCode, ["city"] = "",
            ["countryCode"] = country, ["weight"] = "1000",
            ["shippingDate"] = time.GetUtcNow().AddDays(1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), ["filterRelay"] = "1",
            ["requestId"] = Guid.NewGuid().ToString("N"), ["lang"] = "FR", ["optionInter"] = "0",
        };
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(Options.PickupPointsAddress, "findRDVPointRetraitAcheminement"))
        {
            Content = JsonContent.Create(body),
        }, cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
        if (answer["errorCode"]?.GetValue<int>() is not 0)
        {
            throw new CarrierRejectedException($"la-poste-{answer["errorCode"]}", answer["errorMessage"]?.GetValue<string>() ?? "refused");
        }

        return (answer["listePointRetraitAcheminement"] as JsonArray ?? []).OfType<JsonObject>().Select(point => new PickupPoint(Name,
            Text(point, "identifiant"), Text(point, "nom"), string.Join(' ', new[] { "adresse1", "adresse2", "adresse3" }.Select(k => Text(point, k)).Where(t => t.Length > 0)),
            Text(point, "codePostal"), Text(point, "localite"), Text(point, "codePays"), Text(point, "typeDePoint"),
            double.TryParse(Text(point, "coordGeolocalisationLatitude"), CultureInfo.InvariantCulture, out var lat) ? lat : null,
            double.TryParse(Text(point, "coordGeolocalisationLongitude"), CultureInfo.InvariantCulture, out var lon) ? lon : null,
            int.TryParse(Text(point, "distanceEnMetre"), out var distance) ? distance : null,
            new Dictionary<string, string>
            {
                ["monday"] = Text(point, "horairesOuvertureLundi"), ["tuesday"] = Text(point, "horairesOuvertureMardi"),
                ["wednesday"] = Text(point, "horairesOuvertureMercredi"), ["thursday"] = Text(point, "horairesOuvertureJeudi"),
                ["friday"] = Text(point, "horairesOuvertureVendredi"), ["saturday"] = Text(point, "horairesOuvertureSamedi"),
                ["sunday"] = Text(point, "horairesOuvertureDimanche"),
            })).ToList();
    }

    public async Task<BookedLabel> BookLabelAsync(LabelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var product = request.Return ? "CORE" : "DOM";
        if (!request.Return && request.PickupPointId is { Length: > 0 } pointId)
        {
            // A post office takes BPR, any other pickup point A2P: the point's type says which.
            var points = await SearchPickupPointsAsync(request.Recipient.PostalCode, request.Recipient.Country, cancellationToken);
            product = points.FirstOrDefault(point => point.Id == pointId)?.Kind == "BPR" ? "BPR" : "A2P";
        }

        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(Options.SlsAddress, "generateLabel"))
        {
            Content = JsonContent.Create(GenerateLabelBody(request, product, Options)),
        }, cancellationToken, allow: HttpStatusCode.BadRequest);
        var (infos, label) = await ReadMultipartAsync(response, cancellationToken);
        if (infos["messages"] is JsonArray messages && messages.OfType<JsonObject>().FirstOrDefault(m => Text(m, "type") == "ERROR") is { } error)
        {
            throw new CarrierRejectedException("la-poste-" + Text(error, "id"), Text(error, "messageContent"));
        }

        var number = infos["labelV2Response"]?["parcelNumber"]?.GetValue<string>()
                     ?? throw new CarrierUnavailableException("Colissimo answered without a parcel number.");
        return new BookedLabel(number, TrackingUrl(number), infos["labelV2Response"]?["pdfUrl"]?.GetValue<string>(), label);
    }

    public async Task<IReadOnlyList<TrackingEvent>> ReadTrackingAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Options.TrackingAddress, $"idships/{Uri.EscapeDataString(trackingNumber)}?lang=fr_FR"));
        request.Headers.Add("X-Okapi-Key", Options.OkapiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await SendAsync(request, cancellationToken, allow: HttpStatusCode.NotFound);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
        if (answer["shipment"] is not JsonObject shipment)
        {
            throw new CarrierRejectedException($"la-poste-{answer["returnCode"]}", answer["returnMessage"]?.GetValue<string>() ?? "unknown parcel");
        }

        return (shipment["event"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(e => new TrackingEvent(LaPosteTracking.StatusOf(Text(e, "code")), DateTimeOffset.Parse(Text(e, "date"), CultureInfo.InvariantCulture).ToUniversalTime(),
                Text(e, "code"), Text(e, "label"), null, null))
            .OrderBy(e => e.At).ToList();
    }

    public string TrackingUrl(string number) => string.Format(CultureInfo.InvariantCulture, Options.TrackingUrlTemplate, Uri.EscapeDataString(number));

    /// <summary>
    /// SLS <c>generateLabel</c>'s body: contract and password, a 10×15 PDF, the service, the parcel in kg, both addresses (street on
    /// line2); a return (CORE) goes from the customer to the warehouse.
    /// </summary>
    public static JsonObject GenerateLabelBody(LabelRequest request, string productCode, LaPosteOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var parcel = new JsonObject { ["weight"] = Math.Round(request.WeightGrams / 1000.0, 2) };
        var (from, fromName, to, toName) = request.Return
            ? (request.Recipient, (string?)null, request.Sender, request.SenderName)
            : (request.Sender, request.SenderName, request.Recipient, (string?)null);
        if (!request.Return && request.PickupPointId is { Length: > 0 } point)
        {
            parcel["pickupLocationId"] = point;
        }

        return new JsonObject
        {
            ["contractNumber"] = options.ContractNumber,
            ["password"] = options.Password,
            ["outputFormat"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["outputPrintingType"] = "PDF_10x15_300dpi" },
            ["letter"] = new JsonObject
            {
                ["service"] = new JsonObject
                {
                    ["productCode"] = productCode, ["depositDate"] = request.DepositDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["orderNumber"] = request.OrderNumber, ["commercialName"] = request.SenderName,
                },
                ["parcel"] = parcel,
                ["sender"] = new JsonObject { ["senderParcelRef"] = request.ShipmentId.ToString("N"), ["address"] = Address(from, fromName) },
                ["addressee"] = new JsonObject { ["addresseeParcelRef"] = request.OrderNumber, ["address"] = Address(to, toName) },
            },
        };
    }

    private static JsonObject Address(Contracts.PostalAddress address, string? company)
    {
        var json = new JsonObject
        {
            ["line2"] = address.Line1, ["line3"] = address.Line2 ?? "", ["countryCode"] = address.Country.ToUpperInvariant(), ["city"] = address.City,
            ["zipCode"] = address.PostalCode,
        };
        if (company is not null)
        {
            json["companyName"] = company;
        }
        else
        {
            json["lastName"] = address.LastName ?? "";
            json["firstName"] = address.FirstName ?? "";
            json["mobileNumber"] = address.Phone ?? "";
        }

        return json;
    }

    /// <summary>SLS's multipart answer: the <c>jsonInfos</c> part, and the <c>label</c> part's bytes when there is one.</summary>
    public static async Task<(JsonObject Infos, byte[]? Label)> ReadMultipartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var boundary = response.Content.Headers.ContentType?.Parameters.FirstOrDefault(p => p.Name == "boundary")?.Value?.Trim('"')
                       ?? throw new CarrierUnavailableException("Colissimo answered without a multipart boundary.");
        var reader = new MultipartReader(boundary, await response.Content.ReadAsStreamAsync(cancellationToken));
        JsonObject? infos = null;
        byte[]? label = null;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer, cancellationToken);
            var id = section.Headers?.GetValueOrDefault("Content-ID").ToString() ?? "";
            if (id.Contains("jsonInfos", StringComparison.Ordinal))
            {
                infos = JsonNode.Parse(buffer.ToArray()) as JsonObject;
            }
            else if (id.Contains("label", StringComparison.Ordinal))
            {
                label = buffer.ToArray();
            }
        }

        return (infos ?? throw new CarrierUnavailableException("Colissimo answered without jsonInfos."), label);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, HttpStatusCode? allow = null)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException or Polly.ExecutionRejectedException
                                       && !cancellationToken.IsCancellationRequested)
            {
                throw new CarrierUnavailableException("La Poste did not answer.", e);
            }

            if (response.IsSuccessStatusCode || response.StatusCode == allow)
            {
                return response;
            }

            var status = response.StatusCode;
            response.Dispose();
            throw status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? new CarrierRejectedException("la-poste-unauthorized", "La Poste refused our credentials.")
                : new CarrierUnavailableException($"La Poste answered {(int)status}.");
        }
    }

    private static string Text(JsonObject json, string name) => json[name] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => "",
    };
}
