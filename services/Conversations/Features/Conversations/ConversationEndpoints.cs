using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderPlatform.Contracts;
using OrderPlatform.Conversations.Domain;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;
using OrderPlatform.Shops.Uploads;

namespace OrderPlatform.Conversations.Features.Conversations;

/// <param name="SellerId">Which of the order's sellers, when it has several.</param>
public sealed record StartConversation(Guid? OrderId, string? ProductId, string? SellerId, string? Text);

/// <summary>A photo sent with a message, kept apart from the conversation: seen by whoever sees the conversation.</summary>
public sealed record ConversationPhoto(Guid Id, Guid ConversationId, string ContentType, byte[] Content);

/// <summary>
/// Buyers write to a marketplace seller about an order or a product; the seller answers; operations may step in [MP-09]. A conversation is
/// seen by its buyer, its seller's people and operations only: to anyone else it does not exist (404). A shop without sellers does not map these
/// routes.
/// </summary>
public static class ConversationEndpoints
{
    public static RouteGroupBuilder MapConversations(this RouteGroupBuilder conversations)
    {
        conversations.MapPost("/", StartAsync).RequireAuthorization(PlatformAuthentication.Customer)
            .WithName("StartConversation")
            .WithSummary("A buyer writes to the seller of one of its orders (sellerId when the order has several) or of a product on sale [MP-09]")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        conversations.MapGet("/", ListAsync).RequireAuthorization()
            .WithName("ListConversations").WithSummary("My conversations, latest message first: a buyer's, a seller's, or for operations all (sellerId to narrow) [MP-09]");
        conversations.MapGet("/{conversationId}", GetAsync).RequireAuthorization()
            .WithName("GetConversation").WithSummary("A conversation and its messages (its buyer, its seller or operations) [MP-09]");
        conversations.MapPost("/{conversationId}/messages", PostAsync).RequireAuthorization().DisableAntiforgery()
            .WithName("PostConversationMessage")
            .WithSummary("Answer in a conversation: multipart text and an optional photo (JPEG, PNG or WebP, 5 MB); the other side is e-mailed [MP-09]")
            .Accepts<IFormFile>("multipart/form-data");
        conversations.MapGet("/{conversationId}/attachments/{attachmentId}", AttachmentAsync).RequireAuthorization()
            .WithName("GetConversationAttachment").WithSummary("A photo sent in a conversation (its buyer, its seller or operations)");
        return conversations;
    }

    private static async Task<Results<Created<Conversation>, ValidationProblem, ProblemHttpResult>> StartAsync(StartConversation request,
        ClaimsPrincipal user, HttpContext context, IDocumentSession session, BuyersOrders orders, CatalogProducts catalog, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.OrderId is null == request.ProductId is null)
        {
            errors["orderId"] = ["Write about one of your orders (orderId) or about a product (productId), one of the two."];
        }

        if (request.ProductId is { Length: > 200 } || request.SellerId is { Length: > 100 })
        {
            errors["productId"] = ["A product id is at most 200 characters, a seller id 100."];
        }

        if (ConversationRules.WhyNotText(request.Text) is { } why)
        {
            errors["text"] = [why];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var buyerId = user.CustomerId()!.Value;
        ConversationSubject subject;
        if (request.OrderId is { } orderId)
        {
            var (aboutOrder, problem, refusal) = await orders.SubjectAsync(orderId, request.SellerId, context, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            if (refusal is not null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sellerId"] = [refusal] });
            }

            subject = aboutOrder!;
        }
        else
        {
            ProductOnSale? product;
            try
            {
                product = await catalog.FindAsync(request.ProductId!, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The catalogue does not answer: try again in a moment.");
            }

            if (product is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such product is on sale.");
            }

            subject = new ConversationSubject(null, null, product.Id, product.Name, product.SellerId);
        }

        var now = time.GetUtcNow();
        var message = new ConversationMessage(Guid.CreateVersion7(now), ConversationMessage.Buyer, buyerId, request.Text!.Trim(), now);
        var conversation = ConversationRules.Start(Guid.CreateVersion7(now), buyerId, subject, message);
        session.Insert(conversation);
        session.Events.StartStream(conversation.Id, Posted(conversation, message));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/conversations/{conversation.Id}", conversation);
    }

    private static async Task<Ok<IReadOnlyList<Conversation>>> ListAsync(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken,
        string? sellerId = null)
    {
        var query = session.Query<Conversation>().AsQueryable();
        if (user.IsOps())
        {
            query = sellerId is null ? query : query.Where(conversation => conversation.SellerId == sellerId);
        }
        else
        {
            var (buyerId, ownSeller) = (user.CustomerId() ?? Guid.Empty, user.SellerId() ?? "");
            query = query.Where(conversation => conversation.BuyerId == buyerId || conversation.SellerId == ownSeller);
        }

        return TypedResults.Ok<IReadOnlyList<Conversation>>(await query.OrderByDescending(conversation => conversation.LastMessageAt).Take(200)
            .ToListAsync(cancellationToken));
    }

    private static async Task<Results<Ok<Conversation>, NotFound>> GetAsync(string conversationId, ClaimsPrincipal user, IQuerySession session,
        CancellationToken cancellationToken) =>
        await VisibleAsync(session, conversationId, user, cancellationToken) is ({ } conversation, _)
            ? TypedResults.Ok(conversation)
            : TypedResults.NotFound();

    private static async Task<Results<Created<ConversationMessage>, ValidationProblem, NotFound>> PostAsync(string conversationId, [FromForm] string? text,
        IFormFile? photo, ClaimsPrincipal user, IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (ConversationRules.WhyNotText(text) is { } why)
        {
            errors["text"] = [why];
        }

        var (uploaded, refusal) = await UploadedPhoto.ReadAsync(photo, cancellationToken);
        if (refusal is not null)
        {
            errors["photo"] = [refusal];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!Guid.TryParse(conversationId, out var id))
        {
            return TypedResults.NotFound();
        }

        // Two answers at once each add their message: the second waits for the first.
        await AdvisoryLocks.LockAsync(session, ["conversation:" + id], cancellationToken);
        if (await VisibleAsync(session, conversationId, user, cancellationToken) is not ({ } conversation, { } side))
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var attachment = uploaded is null ? null : new MessageAttachment(Guid.CreateVersion7(now), uploaded.ContentType, uploaded.Content.Length);
        var message = new ConversationMessage(Guid.CreateVersion7(now), side, user.CustomerId()!.Value, text!.Trim(), now, attachment);
        session.Store(ConversationRules.Post(conversation, message));
        if (attachment is not null)
        {
            session.Insert(new ConversationPhoto(attachment.Id, conversation.Id, uploaded!.ContentType, uploaded.Content));
        }

        session.Events.Append(conversation.Id, Posted(conversation, message));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/conversations/{conversation.Id}", message);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> AttachmentAsync(string conversationId, string attachmentId, ClaimsPrincipal user,
        IQuerySession session, CancellationToken cancellationToken) =>
        Guid.TryParse(attachmentId, out var id) && await VisibleAsync(session, conversationId, user, cancellationToken) is ({ } conversation, _)
        && await session.LoadAsync<ConversationPhoto>(id, cancellationToken) is { } photo && photo.ConversationId == conversation.Id
            ? TypedResults.File(photo.Content, photo.ContentType)
            : TypedResults.NotFound();

    private static async Task<(Conversation? Conversation, string? Side)> VisibleAsync(IQuerySession session, string conversationId, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(conversationId, out var id) || await session.LoadAsync<Conversation>(id, cancellationToken) is not { } conversation)
        {
            return (null, null);
        }

        var side = ConversationRules.SideOf(conversation, user.CustomerId(), user.SellerId(), user.IsOps());
        return side is null ? (null, null) : (conversation, side);
    }

    private static ConversationMessagePosted Posted(Conversation conversation, ConversationMessage message) =>
        new(conversation.Id, message.Id, message.From, conversation.BuyerId, conversation.SellerId, conversation.OrderNumber, conversation.ProductName, message.At);
}
