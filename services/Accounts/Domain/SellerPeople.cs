using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Accounts.Domain;

/// <summary>A certified marketplace seller, as Accounts knows it: its name, for the e-mails that invite its people.</summary>
public sealed record KnownSeller(string Id, string Name);

/// <summary>
/// The people who act for a marketplace seller [MP-01]: accounts with the seller role and the seller's id. The applicant becomes the first
/// when operations certify the company; each person may add colleagues and remove them. A person acts for one seller.
/// </summary>
public static class SellerPeople
{
    /// <summary>
    /// The applicant once a certification makes it the seller's first person, or why not: a seller that already has people is joined only
    /// when one of them invites (a certification is no way in to a company that sells already).
    /// </summary>
    public static (Customer? Person, string? Refusal) JoinAsFirst(Customer applicant, string sellerId, bool sellerHasPeople) =>
        sellerHasPeople ? (null, "The seller already has people: only one of them can let someone else act for it.") : Join(applicant, sellerId);

    /// <summary>The account once it acts for <paramref name="sellerId"/> (unchanged when it already does), or why it cannot.</summary>
    public static (Customer? Person, string? Refusal) Join(Customer account, string sellerId)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerId);
        return account switch
        {
            { Erased: true } => (null, "This account was erased."),
            _ when account.Roles.Contains(PlatformAuthentication.OpsRole) => (null, "An operator's account cannot act for a seller."),
            { SellerId: { } current } when current != sellerId && account.Roles.Contains(PlatformAuthentication.SellerRole) =>
                (null, "This address already acts for another seller."),
            { SellerId: { } current } when current == sellerId && account.Roles.Contains(PlatformAuthentication.SellerRole) => (account, null),
            _ => (account with { SellerId = sellerId, Roles = [.. account.Roles.Where(role => role != PlatformAuthentication.SellerRole), PlatformAuthentication.SellerRole] }, null),
        };
    }

    /// <summary>
    /// The account once it no longer acts for the seller (it keeps any other role, so a customer stays one), or why not: only a person of the
    /// same seller removes one, and not themselves, so a seller always keeps someone. Neither (both null): not one of the seller's people.
    /// </summary>
    public static (Customer? Former, string? Refusal) Remove(Customer person, string sellerId, Guid removedBy)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.SellerId != sellerId || !person.Roles.Contains(PlatformAuthentication.SellerRole))
        {
            return (null, null);
        }

        return person.Id == removedBy
            ? (null, "You cannot remove yourself: ask a colleague.")
            : (person with { SellerId = null, Roles = [.. person.Roles.Where(role => role != PlatformAuthentication.SellerRole)] }, null);
    }
}
