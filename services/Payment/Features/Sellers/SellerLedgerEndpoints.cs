using System.Security.Claims;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts;
using OrderPlatform.Payment.Domain;
using OrderPlatform.Shops.Documents;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Payment.Features.Sellers;

/// <summary>A statement for a period: its totals and every line in it.</summary>
public sealed record SellerStatement(string SellerId, DateOnly From, DateOnly To, SellerBalance Totals, IReadOnlyList<SellerLedgerEntry> Entries);

public sealed record CommissionChange(decimal? Percent);

public sealed record PayoutRequest(long? AmountCents, string? Reference);

/// <summary>
/// What the platform owes each marketplace seller [MP-06, MP-10]: per line its sale, the commission kept, refunds and the commission returned
/// with them, payouts; the balance and a statement per period (JSON, CSV or PDF). A seller sees its own only.
/// </summary>
public static class SellerLedgerEndpoints
{
    public static RouteGroupBuilder MapSellerLedger(this RouteGroupBuilder payments)
    {
        var seller = payments.MapGroup("/seller").RequireAuthorization(PlatformAuthentication.Seller);
        seller.MapGet("/balance", (ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken) =>
                BalanceAsync(user.SellerId()!, session, cancellationToken))
            .WithName("GetMySellerBalance").WithSummary("What the platform owes me: sales, commission, refunds, commission returned, payouts, balance");
        seller.MapGet("/statement", (ClaimsPrincipal user, IQuerySession session, DocumentFonts fonts, CancellationToken cancellationToken, DateOnly? from,
                DateOnly? to, string? format) => StatementAsync(user.SellerId()!, from, to, format, session, fonts, cancellationToken))
            .WithName("GetMySellerStatement")
            .WithSummary("My statement for a period (from, to: dates, Paris time; to excluded): JSON, or format=csv, or format=pdf");
        return payments;
    }

    public static RouteGroupBuilder MapSellerLedgerOperations(this RouteGroupBuilder ops)
    {
        var sellers = ops.MapGroup("/sellers/{sellerId}").RequireAuthorization(PlatformAuthentication.Ops);
        sellers.MapGet("/balance", (string sellerId, IQuerySession session, CancellationToken cancellationToken) => BalanceAsync(sellerId, session, cancellationToken))
            .WithName("GetSellerBalance").WithSummary("Ops: what the platform owes a seller");
        sellers.MapGet("/statement", (string sellerId, IQuerySession session, DocumentFonts fonts, CancellationToken cancellationToken, DateOnly? from,
                DateOnly? to, string? format) => StatementAsync(sellerId, from, to, format, session, fonts, cancellationToken))
            .WithName("GetSellerStatement").WithSummary("Ops: a seller's statement for a period (JSON, or format=csv, or format=pdf)");
        sellers.MapPut("/commission", SetCommissionAsync)
            .WithName("SetSellerCommission").WithSummary("Ops: the seller's commission in percent (0 to 50), for the sales from now on")
            .ProducesProblem(StatusCodes.Status404NotFound);
        sellers.MapPost("/payouts", PayOutAsync)
            .WithName("RecordSellerPayout").WithSummary("Ops: record a transfer made to the seller; never more than it is owed")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return ops;
    }

    private static async Task<Ok<SellerBalance>> BalanceAsync(string sellerId, IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Ok(SellerLedger.Balance(sellerId, await session.Query<SellerLedgerEntry>().Where(entry => entry.SellerId == sellerId)
            .ToListAsync(cancellationToken)));

    private static async Task<Results<Ok<SellerStatement>, FileContentHttpResult, ValidationProblem>> StatementAsync(string sellerId, DateOnly? from,
        DateOnly? to, string? format, IQuerySession session, DocumentFonts fonts, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        // Years far from ours cannot be placed in Paris time (year 1 has no UTC before it): a 400, not a 500.
        if (from is null || to is null || to <= from || to.Value.DayNumber - from.Value.DayNumber > 366 || from.Value.Year < 2000 || to.Value.Year > 2200)
        {
            errors["from"] = ["A period: from and to (yyyy-MM-dd, to excluded, years 2000 to 2200), at most a year."];
        }

        if (format is not (null or "json" or "csv" or "pdf"))
        {
            errors["format"] = ["json, csv or pdf."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (start, end) = (ParisMidnight(from!.Value), ParisMidnight(to!.Value));
        var entries = await session.Query<SellerLedgerEntry>().Where(entry => entry.SellerId == sellerId && entry.At >= start && entry.At < end)
            .OrderBy(entry => entry.At).ToListAsync(cancellationToken);
        var totals = SellerLedger.Balance(sellerId, entries);
        var statement = new SellerStatement(sellerId, from.Value, to.Value, totals, entries);
        var name = $"releve-{sellerId}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}";
        return format switch
        {
            "csv" => TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SellerLedger.Csv(totals, entries))).ToArray(),
                "text/csv; charset=utf-8", name + ".csv"),
            "pdf" => TypedResults.File(SellerStatementPdf.Render(statement, fonts), "application/pdf", name + ".pdf"),
            _ => TypedResults.Ok(statement),
        };
    }

    private static async Task<Results<Ok<SellerTerms>, ValidationProblem, ProblemHttpResult>> SetCommissionAsync(string sellerId, CommissionChange change,
        IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        // Compared before it is scaled: a percent near decimal's limit would overflow (a 500) when multiplied.
        if (change.Percent is not { } percent || percent < 0 || percent > SellerLedger.MaxBasisPoints / 100m || percent * 100 != decimal.Truncate(percent * 100)
            || sellerId.Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["percent"] = ["A commission from 0 to 50 %, to the hundredth."] });
        }

        if (await UnknownSellerAsync(session, sellerId, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var terms = new SellerTerms(sellerId, (int)(percent * 100), time.GetUtcNow());
        session.Store(terms);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(terms);
    }

    private static async Task<Results<Created<SellerLedgerEntry>, ValidationProblem, ProblemHttpResult>> PayOutAsync(string sellerId, PayoutRequest request,
        IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.AmountCents is not > 0)
        {
            errors["amountCents"] = ["The amount transferred: a positive number of euro cents."];
        }

        if (string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Length > 200)
        {
            errors["reference"] = ["The transfer's reference (up to 200 characters)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await UnknownSellerAsync(session, sellerId, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        // Two payouts recorded at once: the second sees the first in the balance.
        await AdvisoryLocks.LockAsync(session, ["seller-payout:" + sellerId], cancellationToken);
        var balance = SellerLedger.Balance(sellerId, await session.Query<SellerLedgerEntry>().Where(entry => entry.SellerId == sellerId)
            .ToListAsync(cancellationToken));
        var now = time.GetUtcNow();
        var (payout, refusal) = SellerLedger.PayOut(sellerId, Guid.CreateVersion7(now), request.AmountCents!.Value, request.Reference!.Trim(), balance.BalanceCents,
            now);
        if (refusal is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal);
        }

        session.Insert(payout!);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/ops/payments/sellers/{sellerId}/balance", payout!);
    }

    /// <summary>A 404 for a seller the marketplace never certified (a seller just certified takes a moment to be known here).</summary>
    private static async Task<ProblemHttpResult?> UnknownSellerAsync(IQuerySession session, string sellerId, CancellationToken cancellationToken) =>
        sellerId.Length <= 100 && await session.LoadAsync<CertifiedSeller>(sellerId, cancellationToken) is not null
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No certified seller {sellerId[..Math.Min(sellerId.Length, 100)]}.",
                detail: "A seller just certified takes a moment to be known to Payment.");

    /// <summary>Midnight in Paris that day, in UTC (PostgreSQL's timestamptz takes UTC only).</summary>
    private static DateTimeOffset ParisMidnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, DeliveryWindows.Paris.GetUtcOffset(local)).ToUniversalTime();
    }
}
