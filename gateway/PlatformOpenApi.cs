using System.Text.Json.Nodes;

namespace OrderPlatform.Gateway;

/// <summary>
/// One OpenAPI document for the whole public API: every service's own document, fetched from the
/// service and merged (public /api paths only, shared schemas once), with the bearer scheme. Cached
/// briefly, rebuilt when a service answered nothing last time.
/// </summary>
internal sealed class PlatformOpenApi(GatewayRoutes routes, TimeProvider time)
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

            var documents = await Task.WhenAll(routes.Services.Select(service => FetchAsync(service.Value, cancellationToken)));
            var merged = Merge(documents.OfType<JsonObject>());
            cached = (merged, time.GetUtcNow(), documents.All(document => document is not null));
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

    public static JsonObject Merge(IEnumerable<JsonObject> documents)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        var version = "3.1.1";
        foreach (var document in documents)
        {
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
}
