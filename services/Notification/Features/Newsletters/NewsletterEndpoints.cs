using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrderPlatform.Notification.Delivery;
using OrderPlatform.Notification.Messages;
using OrderPlatform.Shops.Customers;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Notification.Features.Newsletters;

public sealed record NewsletterRequest(string? Campaign, string? Subject, string? Text);

public sealed record NewsletterQueued(string Campaign, int Recipients);

/// <summary>Marketing e-mail: only to customers who opted in, each with their unsubscribe link [FR-32]; a campaign goes once per customer.</summary>
public static class NewsletterEndpoints
{
    public static RouteGroupBuilder MapNewsletters(this RouteGroupBuilder notifications)
    {
        notifications.MapPost("/newsletters", SendAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("SendNewsletter").WithSummary("Ops: queue a newsletter to every subscribed customer, with the unsubscribe link; a campaign is sent once [FR-32]");
        return notifications;
    }

    private static async Task<Results<Accepted<NewsletterQueued>, ValidationProblem>> SendAsync(NewsletterRequest request, IDocumentStore store,
        IOptions<NotificationOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Campaign) || string.IsNullOrWhiteSpace(request.Subject) || string.IsNullOrWhiteSpace(request.Text))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["campaign"] = ["A campaign name (which makes a retry harmless), a subject and a text."] });
        }

        // What a mail client shows and a reader reads: a subject beyond a line, or a text beyond a long letter, is a mistake.
        var tooLong = new Dictionary<string, string[]>();
        foreach (var (field, value, limit) in new[] { ("campaign", request.Campaign, 100), ("subject", request.Subject, 150), ("text", request.Text, 50_000) })
        {
            if (value.Length > limit)
            {
                tooLong[field] = [$"At most {limit} characters."];
            }
        }

        if (tooLong.Count > 0)
        {
            return TypedResults.ValidationProblem(tooLong);
        }

        var settings = options.Value;
        var shop = new Shop(settings.ShopName, settings.ContactEmail, settings.ContactPhone, settings.Storefront.TrimEnd('/'));
        await using var session = store.LightweightSession();
        var subscribers = await session.Query<KnownCustomer>()
            .Where(customer => customer.Newsletter && customer.ErasedAt == null && customer.Email != null && customer.UnsubscribeToken != null)
            .ToListAsync(cancellationToken);
        var messages = subscribers.Select(customer => MessageTemplates.Newsletter(request.Campaign, request.Subject, request.Text,
            new Recipient(customer.Id, customer.Email!, customer.FirstName, customer.Phone), customer.UnsubscribeToken!, shop)).ToList();
        await MessageQueue.EnqueueAsync(session, messages, time.GetUtcNow(), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, new NewsletterQueued(request.Campaign, messages.Count));
    }
}
