namespace OrderPlatform.Ordering.Domain;

/// <summary>
/// A promo code ("code avantage"): a percentage, a fixed amount or free shipping, valid between two
/// dates, above a minimum basket, with limits per customer and overall. A use counts from checkout
/// and is given back when the order is refused or cancelled, so an unused code stays usable [FR-24].
/// </summary>
public sealed record PromoCode(
    string Id,
    string Kind,
    int Percent,
    long AmountCents,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    long MinimumBasketCents,
    int? UsesPerCustomer,
    int? TotalUses,
    IReadOnlyList<PromoUse> Uses,
    DateTimeOffset CreatedAt)
{
    public const string Percentage = "percentage";
    public const string FixedAmount = "fixed-amount";
    public const string FreeShipping = "free-shipping";
    public static readonly IReadOnlyList<string> Kinds = [Percentage, FixedAmount, FreeShipping];

    /// <summary>Codes are compared as typed on a keyboard: trimmed, upper case.</summary>
    public static string Normalize(string code) => (code ?? "").Trim().ToUpperInvariant();
}

public sealed record PromoUse(Guid OrderId, Guid CustomerId, DateTimeOffset At);

/// <summary>What a code takes off a basket.</summary>
public sealed record PromoDiscount(long ItemsDiscountCents, bool FreeShipping);

public static class PromoRules
{
    /// <summary>Why this customer cannot use the code on this basket now, or null when they can.</summary>
    public static string? WhyNot(PromoCode code, Guid customerId, long basketCents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(code);
        return now < code.ValidFrom ? "This code is not valid yet."
            : now >= code.ValidUntil ? "This code has expired."
            : basketCents < code.MinimumBasketCents
                ? $"This code needs a basket of at least {code.MinimumBasketCents / 100m:0.00} €."
            : code.TotalUses is { } total && code.Uses.Count >= total ? "This code has been used as many times as it can be."
            : code.UsesPerCustomer is { } perCustomer && code.Uses.Count(use => use.CustomerId == customerId) >= perCustomer
                ? "You have already used this code."
            : null;
    }

    public static PromoDiscount DiscountFor(PromoCode code, long basketCents)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Kind switch
        {
            PromoCode.Percentage => new PromoDiscount(basketCents * code.Percent / 100, false),
            PromoCode.FixedAmount => new PromoDiscount(Math.Min(code.AmountCents, basketCents), false),
            _ => new PromoDiscount(0, true),
        };
    }

    /// <summary>The code after an order used it; using it twice for one order counts once.</summary>
    public static PromoCode Use(PromoCode code, Guid orderId, Guid customerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Uses.Any(use => use.OrderId == orderId) ? code : code with { Uses = [.. code.Uses, new PromoUse(orderId, customerId, now)] };
    }

    /// <summary>The code after the order that used it was refused or cancelled: the use is given back [FR-24].</summary>
    public static PromoCode GiveBack(PromoCode code, Guid orderId)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code with { Uses = code.Uses.Where(use => use.OrderId != orderId).ToList() };
    }

    /// <summary>
    /// Shares an order's discount among its lines in proportion to their amounts, the last line taking
    /// the rounding, so that charging some lines charges exactly their share [FR-26].
    /// </summary>
    public static IReadOnlyList<long> Share(long discountCents, IReadOnlyList<long> lineAmounts)
    {
        ArgumentNullException.ThrowIfNull(lineAmounts);
        var total = lineAmounts.Sum();
        if (discountCents <= 0 || total <= 0)
        {
            return lineAmounts.Select(_ => 0L).ToList();
        }

        var shares = lineAmounts.Select(amount => discountCents * amount / total).ToList();
        shares[^1] += discountCents - shares.Sum();
        return shares;
    }
}
