using System.Text.Json.Nodes;

namespace OrderPlatform.Gateway;

/// <summary>
/// One OpenAPI document for the whole public API: every service's own document, fetched from the
/// service and merged (public /api paths only, shared schemas once), with the bearer scheme. Cached
/// briefly, rebuilt when a service answered nothing last time.
/// </summary>
public sealed class PlatformOpenApi(GatewayRoutes routes, TimeProvider time)
{
    public const string Path = "/openapi/platform.json";
    private static readonly HttpClient Fetch = new() { Timeout = TimeSpan.FromSeconds(5) };
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim building = new(1, 1);
    private (JsonObject Document, DateTimeOffset BuiltAt, bool Complete)? cached;

    public async Task<JsonObject> GetAsync(CancellationToken cancellationToken)
    {
        await building.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } hit && hit.Complete && time.GetUtcNow() - hit.BuiltAt < KeepFor)
            {
                return hit.Document;
            }

            var documents = await Task.WhenAll(routes.Services.Select(async service => (service.Key, Document: await FetchAsync(service.Value, cancellationToken))));
            var merged = Merge(documents.Where(fetched => fetched.Document is not null).Select(fetched => (fetched.Key, fetched.Document!)));
            cached = (merged, time.GetUtcNow(), documents.All(fetched => fetched.Document is not null));
            return merged;
        }
        finally
        {
            building.Release();
        }
    }

    private static async Task<JsonObject?> FetchAsync(Uri service, CancellationToken cancellationToken)
    {
        try
        {
            return JsonNode.Parse(await Fetch.GetStringAsync(new Uri(service, "/openapi/v1.json"), cancellationToken)) as JsonObject;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return null; // a service that is down leaves its paths out until it is back
        }
    }

    /// <summary>
    /// The services' documents as one. A schema two services name alike but define differently keeps its name in the first and
    /// takes its service's name as a prefix in the others (<c>ShippingShipmentView</c>), references included, so every operation
    /// shows its own service's shape.
    /// </summary>
    public static JsonObject Merge(IEnumerable<(string Service, JsonObject Document)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var paths = new JsonObject();
        var schemas = new JsonObject();
        var version = "3.1.1";
        foreach (var (service, original) in documents)
        {
            var document = WithoutClashes(service, original, schemas);
            version = document["openapi"]?.GetValue<string>() ?? version;
            foreach (var (path, operations) in document["paths"]?.AsObject() ?? [])
            {
                if (path.StartsWith("/api/", StringComparison.Ordinal) && !paths.ContainsKey(path))
                {
                    paths[path] = operations?.DeepClone();
                }
            }

            foreach (var (name, schema) in document["components"]?["schemas"]?.AsObject() ?? [])
            {
                if (!schemas.ContainsKey(name))
                {
                    schemas[name] = schema?.DeepClone();
                }
            }
        }

        return new JsonObject
        {
            ["openapi"] = version,
            ["info"] = new JsonObject { ["title"] = "OrderPlatform API", ["version"] = "v1" },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
            },
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
        };
    }

    /// <summary>
    /// The document, with each schema that clashes with one already merged renamed, and every reference to it; a schema that
    /// differs only by referring to a renamed one clashes too (found on the next pass).
    /// </summary>
    private static JsonObject WithoutClashes(string service, JsonObject document, JsonObject merged)
    {
        const string Schemas = "#/components/schemas/";
        var prefix = char.ToUpperInvariant(service[0]) + service[1..];
        var renamed = document.DeepClone().AsObject();
        if (renamed["components"]?["schemas"] is not JsonObject own)
        {
            return renamed;
        }

        var renames = new Dictionary<string, string>();
        while (own.Where(entry => !renames.ContainsKey(Schemas + entry.Key) && merged[entry.Key] is { } existing && !JsonNode.DeepEquals(existing, entry.Value))
                   .Select(entry => entry.Key).ToList() is { Count: > 0 } clashes)
        {
            foreach (var name in clashes)
            {
                renames[Schemas + name] = Schemas + prefix + name;
            }

            Rewrite(renamed, renames);
        }

        foreach (var name in renames.Keys.Select(reference => reference[Schemas.Length..]))
        {
            var schema = own[name];
            own.Remove(name);
            own[prefix + name] = schema;
        }

        return renamed;
    }

    private static void Rewrite(JsonNode? node, Dictionary<string, string> renames)
    {
        switch (node)
        {
            case JsonObject json:
                if (json["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target) && renames.TryGetValue(target, out var renamed))
                {
                    json["$ref"] = renamed;
                }

                foreach (var (_, child) in json.ToList())
                {
                    Rewrite(child, renames);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Rewrite(child, renames);
                }

                break;
        }
    }
}
