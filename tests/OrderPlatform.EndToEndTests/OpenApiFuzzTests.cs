using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// What an attacker or a careless client sends, to every operation of the merged OpenAPI document, through the gateway, signed
/// out, as a customer and as ops: ids that are not ids, a NUL, strings far too long, numbers out of range, JSON that does not
/// parse or has the wrong shape. Every answer is below 500, every error a problem, and no bad write succeeds.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OpenApiFuzzTests(PlatformFixture platform)
{
    private static readonly string Long = new('x', 10_000);
    private static readonly string[] Writes = ["POST", "PUT", "PATCH", "DELETE"];

    [Fact]
    public async Task Every_operation_answers_bad_input_with_a_4xx_problem_and_accepts_no_bad_write()
    {
        var document = await platform.Gateway.GetFromJsonAsync<JsonObject>("/openapi/platform.json");
        var schemas = document!["components"]!["schemas"]!.AsObject();
        using var anonymous = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        var clients = new[] { ("signed out", anonymous), ("customer", customer), ("ops", ops) };
        var failures = new List<string>();
        var sent = 0;

        foreach (var (template, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                foreach (var input in BadInputs(template, method.ToUpperInvariant(), operation!.AsObject(), schemas))
                {
                    foreach (var (who, client) in clients)
                    {
                        using var request = input.Request();
                        using var response = await client.SendAsync(request);
                        sent++;
                        var status = (int)response.StatusCode;
                        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                        var what = $"{method.ToUpperInvariant()} {input.Url} ({input.What}, {who}): {status}";
                        if (status >= 500 || (status >= 400 && !problem && !KestrelRefused(input, response)))
                        {
                            failures.Add($"{what} {(problem ? "" : "without problem details")} {Truncate(await response.Content.ReadAsStringAsync())}");
                        }
                        else if (status < 300 && Writes.Contains(method.ToUpperInvariant()) && !input.MayBeAccepted)
                        {
                            failures.Add($"{what}: the bad write was accepted");
                        }
                    }
                }
            }
        }

        Assert.True(sent > 1000, $"only {sent} requests were sent: is the document empty?");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers were wrong:\n{string.Join('\n', failures.Take(150))}");
    }

    /// <summary>
    /// Kestrel refuses a request line with a NUL in its path itself, before any code of ours runs: a bare 400, which no
    /// middleware can dress as a problem.
    /// </summary>
    private static bool KestrelRefused(BadInput input, HttpResponseMessage response) =>
        input.What == "a NUL in the path" && response.StatusCode == System.Net.HttpStatusCode.BadRequest && response.Content.Headers.ContentLength == 0;

    /// <param name="MayBeAccepted">An input some operations rightly take (an empty object changes nothing, say): only a 5xx is wrong.</param>
    private sealed record BadInput(string What, string Url, Func<HttpRequestMessage> Request, bool MayBeAccepted = false);

    private static IEnumerable<BadInput> BadInputs(string template, string method, JsonObject operation, JsonObject schemas)
    {
        var pathParameters = System.Text.RegularExpressions.Regex.Matches(template, "{([^}]+)}").Select(match => match.Groups[1].Value).ToList();
        var queryParameters = (operation["parameters"]?.AsArray() ?? []).OfType<JsonObject>()
            .Where(parameter => parameter["in"]?.GetValue<string>() == "query").Select(parameter => parameter["name"]!.GetValue<string>()).ToList();
        var json = operation["requestBody"]?["content"]?["application/json"]?["schema"];
        string Path(Func<string, string> value) => pathParameters.Aggregate(template, (path, name) => path.Replace("{" + name + "}", value(name), StringComparison.Ordinal));
        var valid = Path(name => name.EndsWith("Id", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "INCONNU");
        var validBody = json is null ? null : "{}";

        BadInput Make(string what, string url, string? body, bool mayBeAccepted = false) => new(what, url, () => new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = body is null ? (Writes.Contains(method) ? new StringContent("", Encoding.UTF8, "application/json") : null) : new StringContent(body, Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
        }, mayBeAccepted);

        foreach (var (what, value) in new[] { ("an id that is not one", "pas-un-id"), ("the all-zero id", Guid.Empty.ToString()), ("a NUL", "%00"), ("a long segment", new string('x', 1000)) })
        {
            if (pathParameters.Count > 0)
            {
                yield return Make($"{what} in the path", Path(_ => value), validBody);
            }
        }

        foreach (var name in queryParameters)
        {
            foreach (var (what, value) in new[] { ("not a number", "abc"), ("a NUL", "%00"), ("negative", "-1"), ("beyond 2^63", "99999999999999999999"), ("a long value", new string('x', 5000)) })
            {
                yield return Make($"{what} as ?{name}", $"{valid}?{name}={value}", validBody);
            }
        }

        if (json is null)
        {
            yield break;
        }

        foreach (var (what, body) in new[]
                 {
                     ("JSON that does not parse", "{"), ("null", "null"), ("an array", "[1, 2]"), ("a number", "42"), ("a string", "\"texte\""),
                     ("nesting 200 deep", new string('[', 200) + new string(']', 200)),
                 })
        {
            yield return Make(what, valid, body);
        }

        // Every field missing, and a key given twice (the last one wins or the body is refused; neither may be a 500).
        yield return Make("an empty object", valid, "{}", mayBeAccepted: true);
        yield return Make("a duplicate key", valid, "{\"a\": 1, \"a\": 2}", mayBeAccepted: true);

        var properties = Resolve(json, schemas)?["properties"]?.AsObject();
        if (properties is { Count: > 0 })
        {
            foreach (var (what, value) in new (string, JsonNode?)[] { ("a NUL in every field", "a\u0000b"), ("10,000 characters in every field", Long), ("-1 in every field", -1), ("true in every field", true) })
            {
                var body = new JsonObject();
                foreach (var (name, _) in properties)
                {
                    body[name] = value?.DeepClone();
                }

                yield return Make(what, valid, body.ToJsonString());
            }

            yield return Make("a number beyond double in every field", valid,
                "{" + string.Join(", ", properties.Select(property => $"\"{property.Key}\": 1e400")) + "}");
        }
    }

    private static JsonObject? Resolve(JsonNode? schema, JsonObject schemas)
    {
        if (schema?["$ref"]?.GetValue<string>() is { } reference)
        {
            return Resolve(schemas[reference["#/components/schemas/".Length..]], schemas);
        }

        var options = schema?["oneOf"] ?? schema?["anyOf"];
        return options is JsonArray union ? Resolve(union.FirstOrDefault(option => option?["$ref"] is not null), schemas) : schema as JsonObject;
    }

    private static string Truncate(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
