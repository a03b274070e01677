using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Accounts.Domain;

namespace OrderPlatform.Accounts.Features.Newsletter;

public sealed record Unsubscribed(bool Newsletter);

/// <summary>The unsubscribe link of every newsletter: works without signing in, protected by its token [FR-32].</summary>
public static class UnsubscribeEndpoint
{
    public static IEndpointRouteBuilder MapNewsletter(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/newsletter/unsubscribe", HandleAsync)
            .AllowAnonymous()
            .WithTags("Newsletter")
            .WithName("UnsubscribeFromNewsletter")
            .WithSummary("Unsubscribe with the link's token; following the link again changes nothing");
        return routes;
    }

    private static async Task<Results<Ok<Unsubscribed>, ValidationProblem, NotFound>> HandleAsync(
        string? token, IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["The link's token is required."] });
        }

        var customer = await session.Query<Customer>().SingleOrDefaultAsync(candidate => candidate.UnsubscribeToken == token, cancellationToken);
        if (customer is null)
        {
            return TypedResults.NotFound();
        }

        if (customer.Newsletter)
        {
            var unsubscribed = customer with { Newsletter = false };
            session.Store(unsubscribed);
            // Notification sends newsletters from its own copy: it must hear of the opt-out.
            session.Events.Append(customer.Id, unsubscribed.ProfileChanged(time.GetUtcNow()));
            await session.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(new Unsubscribed(Newsletter: false));
    }
}
