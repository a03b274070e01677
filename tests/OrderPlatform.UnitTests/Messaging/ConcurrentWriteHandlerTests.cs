using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.UnitTests.Messaging;

public sealed class ConcurrentWriteHandlerTests
{
    [Fact]
    public async Task A_write_refused_because_another_landed_first_is_a_409_to_try_again_not_a_500()
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
        var handler = ActivatorUtilities.CreateInstance<ConcurrentWriteHandler>(services);

        Assert.True(await handler.TryHandleAsync(context, new JasperFx.ConcurrencyException(typeof(object), Guid.NewGuid()), CancellationToken.None));

        Assert.Equal(StatusCodes.Status409Conflict, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body);
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Any_other_failure_is_left_to_the_next_handler()
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handler = ActivatorUtilities.CreateInstance<ConcurrentWriteHandler>(services);

        Assert.False(await handler.TryHandleAsync(new DefaultHttpContext(), new InvalidOperationException("boom"), CancellationToken.None));
    }
}
