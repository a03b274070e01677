using OrderPlatform.Shops;
using System.Security.Claims;
using Marten;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderPlatform.Returns.Domain;
using OrderPlatform.Returns.Features.Returns;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Security;
using OrderPlatform.Shops.Uploads;

namespace OrderPlatform.Returns.Features.Claims;

public sealed record ClaimCreated(Guid ClaimId, string Status);

/// <summary>Ops' decision on a claim; <paramref name="LineId"/> names the line a refund is for when the claim names none.</summary>
public sealed record ClaimResolution(string? Outcome, long? AmountCents, string? Note, string? LineId = null);

/// <summary>Claims about a delivered order, with a photo the customer and operations only can see [FR-04, FR-05, JI-12, JI-13].</summary>
public static class ClaimEndpoints
{
    public static RouteGroupBuilder MapClaims(this RouteGroupBuilder claims)
    {
        claims.MapPost("/", FileAsync).RequireAuthorization(PlatformAuthentication.Customer).DisableAntiforgery()
            .WithName("FileClaim")
            .WithSummary("Report a missing, defective or damaged item: multipart orderId, kind, lineId?, trackingNumber?, description?, photo (JPEG, PNG or WebP, 5 MB)")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        claims.MapGet("/{claimId:guid}", GetAsync).RequireAuthorization()
            .WithName("GetClaim").WithSummary("A claim and how it was resolved (its customer or ops)");
        claims.MapGet("/{claimId:guid}/photo", PhotoAsync).RequireAuthorization()
            .WithName("GetClaimPhoto").WithSummary("The claim's photo (its customer or ops) [FR-05]");
        return claims;
    }

    public static RouteGroupBuilder MapClaimOperations(this RouteGroupBuilder ops)
    {
        ops.MapGet("/claims", OpenClaimsAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ListOpenClaims").WithSummary("Claims waiting for a decision, oldest first");
        ops.MapPost("/claims/{claimId:guid}/resolution", ResolveAsync).RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ResolveClaim").WithSummary("Ops: settle a claim with a refund (one unit of its line, up to that unit's value; lineId names the line of a claim that names none), a replacement shipped free, or a refusal with its reason; the customer is e-mailed [FR-33]; a refund above Operations:FreshCode:AboveCents needs a token from a code typed within Operations:FreshCode:Within (403, secondFactor: again)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        return ops;
    }

    private static async Task<Results<Created<ClaimCreated>, NotFound, ValidationProblem, ProblemHttpResult>> FileAsync(
        [FromForm] Guid orderId, [FromForm] string? kind, [FromForm] string? lineId, [FromForm] string? trackingNumber, [FromForm] string? description,
        IFormFile? photo, ClaimsPrincipal user, IDocumentStore store, ShopProfile shop, TimeProvider time, OrderNotYetKnown notYetKnown,
        HttpContext context, CancellationToken cancellationToken)
    {
        var (uploaded, refusal) = await UploadedPhoto.ReadAsync(photo, cancellationToken);
        if (refusal is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["photo"] = [refusal] });
        }

        var (content, photoType) = (uploaded?.Content, uploaded?.ContentType);
        await using var session = store.LightweightSession();
        // Written with the order's version: two claims (or a claim and a return) for its last unit cannot both take it.
        var orderStream = await session.Events.FetchForWriting<ReturnableOrder>(orderId, cancellationToken);
        if (orderStream.Aggregate is not { } order)
        {
            return await notYetKnown.AnswerAsync(orderId, context, cancellationToken) is { } notYet ? notYet : TypedResults.NotFound();
        }

        if (order.CustomerId != user.CustomerId())
        {
            return TypedResults.NotFound();
        }

        var claimId = Guid.CreateVersion7();
        var (filed, invalid, conflict) = ClaimDecisions.File(order, kind, lineId, trackingNumber, description, photoType,
            trackingAndPhotoForMissing: shop.Claims.MissingItemNeedsTrackingAndPhoto, claimId, time.GetUtcNow());
        if (invalid is not null)
        {
            return TypedResults.ValidationProblem(invalid);
        }

        if (conflict is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This claim cannot be filed.", detail: conflict);
        }

        session.Events.StartStream<CustomerClaim>(claimId, filed!);
        if (ClaimDecisions.UnitTaken(filed!, order) is { } taken)
        {
            orderStream.AppendOne(taken);
        }
        if (content is not null)
        {
            session.Store(new ClaimPhoto(claimId, photoType!, content));
        }

        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/claims/{claimId}", new ClaimCreated(claimId, CustomerClaim.Open));
    }

    private static async Task<Results<Ok<CustomerClaim>, NotFound>> GetAsync(Guid claimId, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<CustomerClaim>(claimId, cancellationToken) is { } claim && (claim.CustomerId == user.CustomerId() || user.IsOps())
            ? TypedResults.Ok(claim)
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> PhotoAsync(Guid claimId, ClaimsPrincipal user, IQuerySession session,
        CancellationToken cancellationToken) =>
        await session.LoadAsync<CustomerClaim>(claimId, cancellationToken) is { } claim && (claim.CustomerId == user.CustomerId() || user.IsOps())
        && await session.LoadAsync<ClaimPhoto>(claimId, cancellationToken) is { } photo
            ? TypedResults.File(photo.Content, photo.ContentType)
            : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<CustomerClaim>>> OpenClaimsAsync(IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<CustomerClaim>>(await session.Query<CustomerClaim>().Where(claim => claim.Status == CustomerClaim.Open).OrderBy(claim => claim.FiledAt)
            .Take(500).ToListAsync(cancellationToken));

    private static async Task<Results<Ok<CustomerClaim>, NotFound, ProblemHttpResult>> ResolveAsync(Guid claimId, ClaimResolution resolution, IDocumentStore store,
        TimeProvider time, ClaimsPrincipal user, IOptions<FreshCodeOptions> freshCode, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<CustomerClaim>(claimId, cancellationToken);
            if (stream.Aggregate is not { } claim)
            {
                return TypedResults.NotFound();
            }

            var orderStream = await session.Events.FetchForWriting<ReturnableOrder>(claim.OrderId, cancellationToken);
            if (orderStream.Aggregate is not { } order)
            {
                return TypedResults.NotFound();
            }

            var (events, problem) = ClaimDecisions.Resolve(claim, order, resolution.Outcome, resolution.AmountCents, resolution.Note, time.GetUtcNow(),
                resolution.LineId);
            if (problem is not null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This claim cannot be resolved so.", detail: problem);
            }

            if (FreshCode.Refusal(user, events.OfType<ClaimResolved>().Single().RefundCents, time.GetUtcNow(), freshCode.Value) is { } again)
            {
                return again;
            }

            stream.AppendMany(events);
            if (ClaimDecisions.UnitReleased(claim, order, resolution.Outcome!) is { } released)
            {
                orderStream.AppendOne(released);
            }
            else if (ClaimDecisions.UnitTakenAtResolution(claim, events) is { } taken)
            {
                orderStream.AppendOne(taken);
            }
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(claim.Apply(events.OfType<ClaimResolved>().Single()));
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 3)
            {
                // The order moved meanwhile (a parcel shipped or delivered, a return): decide again on the newer order.
            }
        }
    }
}
