using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Catalog.Domain;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Catalog.Features.Sellers;

/// <summary>
/// A company applies to sell on the marketplace, operations certify or refuse it [MP-01]. A shop without sellers does not map
/// these routes.
/// </summary>
public static class SellerApplicationEndpoints
{

    public static RouteGroupBuilder MapSellerApplications(this RouteGroupBuilder catalog)
    {
        var applications = catalog.MapGroup("/sellers/applications");
        applications.MapPost("", ApplyAsync)
            .RequireAuthorization()
            .WithName("ApplyToSell")
            .WithSummary("A company operating in France applies to sell on the marketplace (SIRET checked, key included) [MP-01]");
        applications.MapGet("/{applicationId}", GetAsync)
            .RequireAuthorization()
            .WithName("GetSellerApplication")
            .WithSummary("An application, to the account that filed it or to operations");
        applications.MapGet("", ListAsync)
            .RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("ListSellerApplications")
            .WithSummary("Applications, oldest first; by default those waiting for a decision");
        applications.MapPost("/{applicationId}/decision", DecideAsync)
            .RequireAuthorization(PlatformAuthentication.Ops)
            .WithName("DecideSellerApplication")
            .WithSummary("Certify the company (it becomes a seller whose products may be published) or refuse it with a reason [MP-01]");
        return catalog;
    }

    private static async Task<Results<Created<SellerApplication>, ValidationProblem, ProblemHttpResult>> ApplyAsync(SellerApplicationRequest request,
        ClaimsPrincipal user, IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = SellerApplications.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var siren = SellerApplication.SirenOf(request.Siret!);
        await AdvisoryLocks.LockAsync(session, ["seller-company:" + siren], cancellationToken);
        if (SellerApplications.WhyNotFile(await SameCompanyAsync(session, siren, null, cancellationToken)) is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal);
        }

        var now = time.GetUtcNow();
        var application = SellerApplications.File(Guid.CreateVersion7(now), user.CustomerId()!.Value, request, now);
        session.Store(application);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/catalog/sellers/applications/{application.Id}", application);
    }

    private static async Task<Results<Ok<SellerApplication>, NotFound>> GetAsync(string applicationId, ClaimsPrincipal user, IQuerySession session,
        CancellationToken cancellationToken) =>
        Guid.TryParse(applicationId, out var id) && await session.LoadAsync<SellerApplication>(id, cancellationToken) is { } application
        && (application.ApplicantId == user.CustomerId() || user.IsOps())
            ? TypedResults.Ok(application)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<SellerApplication>>, ValidationProblem>> ListAsync(string? status, IQuerySession session,
        CancellationToken cancellationToken)
    {
        var wanted = status ?? SellerApplication.Applied;
        if (wanted is not (SellerApplication.Applied or SellerApplication.Certified or SellerApplication.Refused))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["applied, certified or refused."] });
        }

        var listed = await session.Query<SellerApplication>().Where(application => application.Status == wanted)
            .OrderBy(application => application.AppliedAt).Take(500).ToListAsync(cancellationToken);
        if (wanted != SellerApplication.Applied)
        {
            return TypedResults.Ok(listed);
        }

        // Ops see, on each waiting application, whether its company already sells or has applied twice.
        var withConflicts = new List<SellerApplication>(listed.Count);
        foreach (var application in listed)
        {
            var sameCompany = await SameCompanyAsync(session, SellerApplication.SirenOf(application.Siret), null, cancellationToken);
            withConflicts.Add(application with { Conflict = SellerApplications.ConflictOf(application, sameCompany, listed) });
        }

        return TypedResults.Ok<IReadOnlyList<SellerApplication>>(withConflicts);
    }

    /// <summary>The seller a company already is: one of its applications certified, or a seller with the id a certification would give.</summary>
    private static async Task<ExistingSeller?> SameCompanyAsync(IQuerySession session, string siren, string? sellerId, CancellationToken cancellationToken)
    {
        var certified = await session.Query<SellerApplication>()
            .Where(application => application.Status == SellerApplication.Certified && application.Siret.StartsWith(siren))
            .FirstOrDefaultAsync(cancellationToken);
        if (certified is not null)
        {
            return new ExistingSeller(certified.SellerId!, siren);
        }

        return sellerId is not null && await session.LoadAsync<Seller>(sellerId, cancellationToken) is { } seller ? new ExistingSeller(seller.Id, siren) : null;
    }

    private static async Task<Results<Ok<SellerApplication>, ValidationProblem, NotFound, ProblemHttpResult>> DecideAsync(string applicationId,
        SellerDecision decision, IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = SellerApplications.Validate(decision);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!Guid.TryParse(applicationId, out var id))
        {
            return TypedResults.NotFound();
        }

        // Two operators deciding at once: one decides, the other is told it is decided.
        await AdvisoryLocks.LockAsync(session, ["seller-application:" + id], cancellationToken);
        if (await session.LoadAsync<SellerApplication>(id, cancellationToken) is not { } application)
        {
            return TypedResults.NotFound();
        }

        // Two applications of one company certified at once: the company's lock lets one through, the other meets its seller.
        var siren = SellerApplication.SirenOf(application.Siret);
        await AdvisoryLocks.LockAsync(session, ["seller-company:" + siren], cancellationToken);
        var sameCompany = await SameCompanyAsync(session, siren, SellerApplications.SellerIdOf(application), cancellationToken);
        var (decided, seller, refusal) = SellerApplications.Decide(application, decision.Certify!.Value, decision.Reason, time.GetUtcNow(), sameCompany);
        if (refusal is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal);
        }

        session.Store(decided!);
        if (seller is not null)
        {
            session.Insert(seller); // a new seller, never one overwritten (its suspension, its people)
            // Accounts makes the applicant the seller's first person when this is relayed.
            session.Events.StartStream(id, new SellerCertified(seller.Id, seller.Name, id, application.ApplicantId, decided!.DecidedAt!.Value,
                application.ContactEmail));
        }

        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(decided!);
    }
}
