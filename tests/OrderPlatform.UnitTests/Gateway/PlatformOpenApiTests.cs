extern alias gateway;
using System.Text.Json.Nodes;
using gateway::OrderPlatform.Gateway;

namespace OrderPlatform.UnitTests.Gateway;

public sealed class PlatformOpenApiTests
{
    [Fact]
    public void Two_services_schemas_of_one_name_stay_two_schemas_and_each_operation_refers_to_its_own()
    {
        var accounts = Document("/api/accounts/me", "AddressInput", new JsonObject { ["properties"] = new JsonObject { ["label"] = new JsonObject() } });
        var ordering = Document("/api/orders", "AddressInput", new JsonObject { ["properties"] = new JsonObject { ["firstName"] = new JsonObject() } });
        var shipping = Document("/api/shipping/pickup-points", "AddressInput", accounts["components"]!["schemas"]!["AddressInput"]!.DeepClone());

        var merged = PlatformOpenApi.Merge([("accounts", accounts), ("ordering", ordering), ("shipping", shipping)]);

        var schemas = merged["components"]!["schemas"]!.AsObject();
        Assert.Equal(["AddressInput", "OrderingAddressInput", "OrderingWrapper", "Wrapper"], schemas.Select(entry => entry.Key).Order());
        Assert.NotNull(schemas["AddressInput"]!["properties"]!["label"]);
        Assert.NotNull(schemas["OrderingAddressInput"]!["properties"]!["firstName"]);
        Assert.Equal("#/components/schemas/OrderingWrapper", RequestSchema(merged, "/api/orders"));
        Assert.Equal("#/components/schemas/OrderingAddressInput", schemas["OrderingWrapper"]!["properties"]!["address"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/AddressInput", schemas["Wrapper"]!["properties"]!["address"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Wrapper", RequestSchema(merged, "/api/accounts/me"));
        Assert.Equal("#/components/schemas/Wrapper", RequestSchema(merged, "/api/shipping/pickup-points")); // the same shape: shared
    }

    private static string RequestSchema(JsonObject merged, string path) =>
        merged["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();

    private static JsonObject Document(string path, string name, JsonNode schema) => new()
    {
        ["openapi"] = "3.1.1",
        ["paths"] = new JsonObject
        {
            [path] = new JsonObject
            {
                ["post"] = new JsonObject
                {
                    ["requestBody"] = new JsonObject
                    {
                        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Wrapper" } } },
                    },
                },
            },
        },
        ["components"] = new JsonObject
        {
            ["schemas"] = new JsonObject
            {
                [name] = schema,
                ["Wrapper"] = new JsonObject { ["properties"] = new JsonObject { ["address"] = new JsonObject { ["$ref"] = $"#/components/schemas/{name}" } } },
            },
        },
    };
}
