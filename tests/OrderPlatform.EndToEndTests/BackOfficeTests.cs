using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// The back office's API through the gateway: ops-only views of the broker's queues, and moving an _error queue's messages back
/// to the queue they failed in; its pages are on its own address, not the public gateway's.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BackOfficeTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private const string ErrorQueue = "returns-order-shipped_error";

    [Fact]
    public async Task The_back_office_pages_are_not_published_by_the_public_gateway_only_the_broker_api_is()
    {
        using var page = await platform.Gateway.GetAsync("/backoffice/");
        using var signIn = await platform.Gateway.GetAsync("/connexion");
        using var backOffice = new HttpClient { BaseAddress = platform.Endpoint("backoffice") };
        using var direct = await backOffice.GetAsync("/connexion");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.Contains("Connexion de l'exploitation", await direct.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_of_orders_or_of_the_trail_past_any_real_one_is_a_400_with_problem_details()
    {
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        using var search = await ops.GetAsync("/api/ops/orders/search?page=2147483647&pageSize=100");
        using var trail = await ops.GetAsync("/api/ops/orders/audit?page=2147483647&pageSize=200");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (search.StatusCode, trail.StatusCode));
        Assert.Equal("application/problem+json", search.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/problem+json", trail.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Queues_are_for_ops_only_with_problem_details_for_everyone_else()
    {
        using var anonymous = await platform.Gateway.GetAsync("/api/ops/messaging/queues");
        using var customer = await Accounts.NewCustomerAsync(platform.Gateway);
        using var asCustomer = await customer.GetAsync("/api/ops/messaging/queues");
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        using var notAnErrorQueue = await ops.PostAsync("/api/ops/messaging/queues/returns-order-shipped/redrive", null);
        using var unknown = await ops.GetAsync("/api/ops/messaging/queues/no-such-queue/messages");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAnErrorQueue.StatusCode);
        Assert.Equal("application/problem+json", notAnErrorQueue.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var queues = await ops.GetFromJsonAsync<JsonElement>("/api/ops/messaging/queues");
        Assert.Contains(queues.EnumerateArray(), queue => queue.GetProperty("name").GetString() == "catalog-reserve-stock");
    }

    [Fact]
    public async Task A_message_a_consumer_gave_up_on_is_peeked_with_its_reason_and_moved_back_to_its_queue()
    {
        using var ops = await Accounts.OpsAsync(platform.Gateway);
        // A shipment of an order no service has heard of, early for two days already: Returns gives up waiting for the order at once.
        var orderId = Guid.NewGuid();
        await Broker.PoisonAsync(platform, orderId);

        var first = (JsonElement)await Eventually.GetAsync(async () => (await PeekAsync(ops, orderId)) is { } found ? (object)found : null,
            Patience, "the poison message in returns-order-shipped_error");
        Assert.Contains($"Waiting for order {orderId} to be known here", first.GetProperty("exception").GetString(), StringComparison.Ordinal);
        var faultedAt = first.GetProperty("faultedAt").GetDateTimeOffset();

        using var redrive = await ops.PostAsync($"/api/ops/messaging/queues/{ErrorQueue}/redrive", null);
        Assert.Equal(HttpStatusCode.Accepted, redrive.StatusCode);
        var moved = await redrive.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("returns-order-shipped", moved.GetProperty("to").GetString());

        // Back in its queue, Returns tries it again (its cause is not fixed here) and gives up anew: a later fault.
        await Eventually.TrueAsync(async () => await PeekAsync(ops, orderId) is { } again && again.GetProperty("faultedAt").GetDateTimeOffset() > faultedAt,
            Patience, "the message to be retried after it was moved back");
    }

    private static async Task<JsonElement?> PeekAsync(HttpClient ops, Guid orderId)
    {
        using var response = await ops.GetAsync($"/api/ops/messaging/queues/{ErrorQueue}/messages?count=20");
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var messages = await response.Content.ReadFromJsonAsync<JsonElement>();
        return messages.EnumerateArray().Where(message => message.GetProperty("payload").GetString()!.Contains(orderId.ToString(), StringComparison.Ordinal))
            .Select(message => (JsonElement?)message).FirstOrDefault();
    }
}
