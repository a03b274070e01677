namespace OrderPlatform.Catalog.Domain;

/// <summary>Units of a SKU in one store, and how many of them are held for in-store reservations.</summary>
public sealed record StoreStock(string Id, string StoreId, string Sku, int OnHand, int Held = 0)
{
    public static string IdFor(string storeId, string sku) => $"{storeId}/{sku}";

    public int AvailableUnits => Math.Max(0, OnHand - Held);
}

/// <summary>"E-Réservation": a SKU held in a store for a customer, free, for two days [FR-21].</summary>
public sealed record InStoreReservation(Guid Id, Guid CustomerId, string StoreId, string Sku, string Status, DateTimeOffset ReservedAt, DateTimeOffset HoldUntil)
{
    public const string Confirmed = "confirmed";
    public const string Expired = "expired";

    public static readonly TimeSpan HoldFor = TimeSpan.FromDays(2);
}

public static class InStoreHolds
{
    /// <summary>Holds one unit if the store has one available; otherwise says why not.</summary>
    public static (InStoreReservation? Reservation, StoreStock? StockAfter, string? Refusal) Reserve(
        Guid reservationId, Guid customerId, string storeId, string sku, StoreStock? stock, DateTimeOffset now)
    {
        if (stock is not { AvailableUnits: > 0 })
        {
            return (null, null, "This article is not available in this store.");
        }

        return (new InStoreReservation(reservationId, customerId, storeId, sku, InStoreReservation.Confirmed, now, now + InStoreReservation.HoldFor),
            stock with { Held = stock.Held + 1 }, null);
    }

    /// <summary>A confirmed hold whose time ran out goes back to the shelf; anything else is left as it is.</summary>
    public static (InStoreReservation Reservation, StoreStock? StockAfter) Expire(InStoreReservation reservation, StoreStock? stock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        if (reservation.Status != InStoreReservation.Confirmed || reservation.HoldUntil > now)
        {
            return (reservation, null);
        }

        return (reservation with { Status = InStoreReservation.Expired }, stock is null ? null : stock with { Held = Math.Max(0, stock.Held - 1) });
    }
}
