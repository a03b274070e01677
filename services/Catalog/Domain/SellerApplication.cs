using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace OrderPlatform.Catalog.Domain;

/// <summary>
/// A company's application to sell on the marketplace [MP-01]: applied, then certified (it becomes a <see cref="Seller"/> whose products
/// may be published) or refused with a reason, by operations. Both decisions end it; until one is taken it waits in ops' list.
/// </summary>
public sealed record SellerApplication(Guid Id, Guid ApplicantId, string CompanyName, string Siret, string Address, string PostalCode, string City,
    string ContactName, string ContactEmail, string Status, DateTimeOffset AppliedAt, DateTimeOffset? DecidedAt = null, string? Reason = null,
    string? SellerId = null)
{
    public const string Applied = "applied";
    public const string Certified = "certified";
    public const string Refused = "refused";
}

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

    public static SellerApplication File(Guid id, Guid applicantId, SellerApplicationRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(id, applicantId, request.CompanyName!.Trim(), CompanyNumbers.Normalise(request.Siret), request.Address!.Trim(), request.PostalCode!,
            request.City!.Trim(), request.ContactName!.Trim(), request.ContactEmail!.Trim(), SellerApplication.Applied, now);
    }

    /// <summary>
    /// Operations' decision: certified, the application names the <see cref="Seller"/> it made (id from the company's name and SIREN);
    /// refused, it keeps the reason the company is told. A decided application is not decided again (the refusal says so).
    /// </summary>
    public static (SellerApplication? Decided, Seller? Seller, string? Refusal) Decide(SellerApplication application, bool certify, string? reason,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.Status != SellerApplication.Applied)
        {
            return (null, null, $"This application was already {application.Status}.");
        }

        if (!certify)
        {
            return (application with { Status = SellerApplication.Refused, DecidedAt = now, Reason = reason!.Trim() }, null, null);
        }

        var seller = new Seller($"{Slug(application.CompanyName)}-{application.Siret[..9]}", application.CompanyName, Certified: true);
        return (application with { Status = SellerApplication.Certified, DecidedAt = now, SellerId = seller.Id }, seller, null);
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
