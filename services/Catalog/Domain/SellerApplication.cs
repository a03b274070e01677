using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace OrderPlatform.Catalog.Domain;

/// <summary>
/// A company's application to sell on the marketplace [MP-01]: applied, then certified (it becomes a <see cref="Seller"/> whose products
/// may be published) or refused with a reason, by operations. Both decisions end it; until one is taken it waits in ops' list. A company
/// is certified once: an application for a company that already sells is refused (its people invite colleagues instead), and
/// <paramref name="Conflict"/> tells ops, in their list, of another application or a seller for the same company (never stored).
/// </summary>
public sealed record SellerApplication(Guid Id, Guid ApplicantId, string CompanyName, string Siret, string Address, string PostalCode, string City,
    string ContactName, string ContactEmail, string Status, DateTimeOffset AppliedAt, DateTimeOffset? DecidedAt = null, string? Reason = null,
    string? SellerId = null, string? Conflict = null)
{
    public const string Applied = "applied";
    public const string Certified = "certified";
    public const string Refused = "refused";

    /// <summary>The company's own number (the SIRET's first nine digits): one seller per company.</summary>
    public static string SirenOf(string siret) => CompanyNumbers.Normalise(siret)[..9];
}

/// <summary>A seller that already exists for a company, as an application or a certification meets it.</summary>
public sealed record ExistingSeller(string SellerId, string Siren);

public sealed record SellerApplicationRequest(string? CompanyName, string? Siret, string? Address, string? PostalCode, string? City, string? ContactName,
    string? ContactEmail);

public sealed record SellerDecision(bool? Certify, string? Reason);

public static class SellerApplications
{
    /// <summary>What is wrong with an application, by field; empty when it can be filed.</summary>
    public static Dictionary<string, string[]> Validate(SellerApplicationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        Require(errors, "companyName", request.CompanyName, 200, "The company's name");
        Require(errors, "address", request.Address, 200, "The company's address");
        Require(errors, "city", request.City, 100, "The city");
        Require(errors, "contactName", request.ContactName, 100, "The contact's name");
        if (!CompanyNumbers.IsSiret(request.Siret))
        {
            errors["siret"] = ["A SIRET is the company's 14 digits from the Sirene register, its key included (a company operating in France)."];
        }

        if (request.PostalCode is not { Length: 5 } postalCode || !postalCode.All(char.IsAsciiDigit))
        {
            errors["postalCode"] = ["A French postal code is five digits."];
        }

        if (string.IsNullOrWhiteSpace(request.ContactEmail) || request.ContactEmail.Length > 254 || !MailAddress.TryCreate(request.ContactEmail, out _))
        {
            errors["contactEmail"] = ["A valid e-mail address for the contact is required."];
        }

        return errors;
    }

    /// <summary>Why a company cannot apply: it already sells here, and only one of its people (or ops) may let someone act for it.</summary>
    public static string? WhyNotFile(ExistingSeller? sameCompany) =>
        sameCompany is null
            ? null
            : $"The company with SIREN {sameCompany.Siren} already sells on the marketplace: one of its people can invite you from their seller account.";

    public static SellerApplication File(Guid id, Guid applicantId, SellerApplicationRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(id, applicantId, request.CompanyName!.Trim(), CompanyNumbers.Normalise(request.Siret), request.Address!.Trim(), request.PostalCode!,
            request.City!.Trim(), request.ContactName!.Trim(), request.ContactEmail!.Trim(), SellerApplication.Applied, now);
    }

    /// <summary>
    /// Operations' decision: certified, the application names the new <see cref="Seller"/> it made (id from the company's name and SIREN);
    /// refused, it keeps the reason the company is told. A decided application is not decided again (the refusal says so), and a company
    /// that already sells (<paramref name="sameCompany"/>, by SIREN or by the seller id) is never certified again: that would make the
    /// applicant one of its people and lift a suspension.
    /// </summary>
    public static (SellerApplication? Decided, Seller? Seller, string? Refusal) Decide(SellerApplication application, bool certify, string? reason,
        DateTimeOffset now, ExistingSeller? sameCompany = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.Status != SellerApplication.Applied)
        {
            return (null, null, $"This application was already {application.Status}.");
        }

        if (certify && sameCompany is not null)
        {
            return (null, null, $"The company with SIREN {sameCompany.Siren} already sells here as {sameCompany.SellerId}: refuse this application "
                                + "(its people can invite the applicant).");
        }

        if (!certify)
        {
            return (application with { Status = SellerApplication.Refused, DecidedAt = now, Reason = reason!.Trim() }, null, null);
        }

        var seller = new Seller(SellerIdOf(application), application.CompanyName, Certified: true);
        return (application with { Status = SellerApplication.Certified, DecidedAt = now, SellerId = seller.Id }, seller, null);
    }

    /// <summary>The id a certification gives the seller: the company's name and SIREN.</summary>
    public static string SellerIdOf(SellerApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return $"{Slug(application.CompanyName)}-{SellerApplication.SirenOf(application.Siret)}";
    }

    /// <summary>What ops are told of a waiting application: a seller, or other applications, for the same company.</summary>
    public static string? ConflictOf(SellerApplication application, ExistingSeller? sameCompany, IEnumerable<SellerApplication> waiting)
    {
        ArgumentNullException.ThrowIfNull(application);
        var siren = SellerApplication.SirenOf(application.Siret);
        if (sameCompany is not null)
        {
            return $"SIREN {siren} already sells here as {sameCompany.SellerId}.";
        }

        var others = waiting.Where(other => other.Id != application.Id && SellerApplication.SirenOf(other.Siret) == siren).Select(other => other.Id).ToList();
        return others.Count == 0 ? null : $"Other applications for SIREN {siren} are waiting: {string.Join(", ", others)}; one company is certified once.";
    }

    public static Dictionary<string, string[]> Validate(SellerDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var errors = new Dictionary<string, string[]>();
        if (decision.Certify is null)
        {
            errors["certify"] = ["Say whether the company is certified (true) or refused (false)."];
        }
        else if (decision.Certify == false && (string.IsNullOrWhiteSpace(decision.Reason) || decision.Reason.Length > 1000))
        {
            errors["reason"] = ["A refusal gives the company its reason (up to 1000 characters)."];
        }

        return errors;
    }

    internal static void Require(Dictionary<string, string[]> errors, string field, string? value, int maxLength, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength)
        {
            errors[field] = [$"{what} is required (up to {maxLength} characters)."];
        }
    }

    /// <summary>A name as an id part: lower case, unaccented, letters and digits joined by hyphens ("Les Ateliers d'Été" → "les-ateliers-d-ete").</summary>
    public static string Slug(string name)
    {
        var plain = new StringBuilder();
        foreach (var character in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                plain.Append(character);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark && plain.Length > 0 && plain[^1] != '-')
            {
                plain.Append('-');
            }
        }

        return plain.ToString().Trim('-');
    }
}
