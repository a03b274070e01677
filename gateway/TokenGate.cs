using Microsoft.AspNetCore.Authentication;

namespace OrderPlatform.Gateway;

/// <summary>
/// A request that carries a bearer token must carry a valid one (signature from Accounts' JWKS, issuer,
/// audience, expiry): an invalid token stops here with a 401 problem, before reaching any service.
/// Which routes need a token, and which role, the services decide themselves.
/// </summary>
internal static class TokenGate
{
    public static IApplicationBuilder UseTokenGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var result = await context.AuthenticateAsync();
            if (!result.Succeeded)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "The access token is not valid." },
                });
                return;
            }
        }

        await next(context);
    });
}
