using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OrderPlatform.Messaging.Persistence;

/// <summary>
/// Two writers on one stream at the same moment (a request and a consumer recording a delivery, say): Marten refuses the second
/// write. An endpoint that can decide again does so itself; one that does not answers the caller 409 with <c>Retry-After</c>,
/// never a 500, since nothing is broken and the same request a second later will be decided on the newer state.
/// </summary>
public sealed class ConcurrentWriteHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not JasperFx.ConcurrencyException)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        httpContext.Response.Headers[HeaderNames.RetryAfter] = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status409Conflict,
                Title = "This changed at the same moment; try again.",
                Detail = "Another change to the same record was saved first. Nothing was saved for this request; send it again.",
            },
        });
    }
}
