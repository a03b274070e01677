using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// A request the endpoint cannot even read (JSON that does not parse or does not fit, a number that is not one, a body too large)
/// is the client's mistake: a 4xx problem saying what could not be read, in every environment, never a 500 and never an error
/// in the logs (anyone can send garbage).
/// </summary>
internal sealed class MalformedRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public static void Register(IServiceCollection services)
    {
        // Minimal APIs throw on unreadable input everywhere, so this one handler answers it the same way in every environment.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<ExceptionHandlerOptions>(options =>
            options.SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException || UnstorableInput.IsRefusedNul(context.Exception));
        services.AddExceptionHandler<MalformedRequestHandler>();
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (UnstorableInput.IsRefusedNul(exception))
        {
            exception = new BadHttpRequestException(UnstorableInput.Title);
        }

        if (exception is not BadHttpRequestException malformed)
        {
            return false;
        }

        httpContext.Response.StatusCode = malformed.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = malformed.StatusCode,
                Title = "The request could not be read.",
                // The framework's own words name the parameter or body that could not be read; they carry nothing of ours.
                Detail = malformed.Message,
            },
        });
    }
}
