using System.Globalization;
using System.Text;
using OrderPlatform.Shipping.Domain;

namespace OrderPlatform.Shipping.Carriers.MondialRelay;

/// <summary>
/// Mondial Relay's tracing has no structured event code, only free text (<c>Libelle</c>) and the relay
/// fields (PROVIDERS.md). This recognises our status from them, robust to case, accents, punctuation and
/// wording: "Colis disponible au Point Relais", "Mis à disposition en Locker", "RETOUR EXPEDITEUR",
/// "Colis non retiré, retourné à l'enseigne"… What it cannot place is "in transit", never a guess at
/// delivery or return.
/// </summary>
public static class MondialRelayTracking
{
    private static readonly string[] SenderWords = ["expediteur", "enseigne", "vendeur", "marchand", "entrepot", "client expediteur"];
    private static readonly string[] Uncollected = ["non retire", "non reclame", "non recupere", "delai de retrait depasse", "delai de garde"];
    private static readonly string[] AtRelayWords = ["point relais", "relais", "locker", "consigne", "casier"];
    private static readonly string[] Waiting = ["disponible", "mis a disposition", "mise a disposition", "a retirer", "en attente de retrait", "attend", "pret a etre retire"];
    private static readonly string[] Arrived = ["livre au point relais", "livre en point relais", "arrive au point relais", "arrive en point relais",
        "depose au point relais", "depose en point relais", "livre en locker", "depose en locker", "remis au point relais"];
    private static readonly string[] DeliveredWords = ["livre au destinataire", "remis au destinataire", "recupere par le destinataire", "retire par le destinataire",
        "colis livre", "a ete livre", "livraison effectuee", "recupere par le client", "retire par le client", "remis au client", "colis retire", "recupere au point relais", "retire au point relais",
        "recupere en point relais", "retire en point relais", "retire en locker", "recupere en locker"];
    private static readonly string[] NotDelivered = ["non livre", "pas ete livre", "pas pu etre livre", "en cours de livraison", "echec de livraison"];
    private static readonly string[] OutForDelivery = ["en cours de livraison", "en livraison", "sorti pour livraison", "chez le livreur"];
    private static readonly string[] Registered = ["enregistre", "pris en compte", "expedition creee", "etiquette creee", "en preparation"];

    /// <summary>Our status for one tracing line: its text and the relay number it names, if any.</summary>
    public static string Recognise(string? libelle, string? relayNumber)
    {
        var text = Normalise(libelle);
        if (IsReturn(text))
        {
            return ShipmentStatus.ReturnedToWarehouse;
        }

        if (Arrived.Any(text.Contains) || (Waiting.Any(text.Contains) && (AtRelayWords.Any(text.Contains) || !string.IsNullOrWhiteSpace(relayNumber))))
        {
            return ShipmentStatus.AvailableForPickup;
        }

        if (DeliveredWords.Any(text.Contains) && !NotDelivered.Any(text.Contains))
        {
            return ShipmentStatus.Delivered;
        }

        return OutForDelivery.Any(text.Contains) ? ShipmentStatus.OutForDelivery
            : Registered.Any(text.Contains) ? ShipmentStatus.LabelCreated
            : ShipmentStatus.InTransit;
    }

    /// <summary>The STAT of a tracing answer: 80–83 are the parcel's own states, anything else is an error.</summary>
    public static bool IsParcelState(int stat) => stat is >= 80 and <= 83;

    /// <summary>Tracing prints Paris time as dd/MM/yyyy and HH:mm.</summary>
    public static DateTimeOffset ParseParisTime(string date, string time)
    {
        var local = DateTime.ParseExact($"{date} {(string.IsNullOrWhiteSpace(time) ? "00:00" : time)}", "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, Contracts.DeliveryWindows.Paris.GetUtcOffset(local)).ToUniversalTime();
    }

    private static bool IsReturn(string text)
    {
        // "Disponible … à retirer avant le 05/12, sinon retour à l'expéditeur" still waits for its customer.
        if (Waiting.Any(text.Contains) && (text.Contains("sinon", StringComparison.Ordinal) || text.Contains("avant le", StringComparison.Ordinal)
                                           || text.Contains("jusqu", StringComparison.Ordinal)))
        {
            return false;
        }

        if (Uncollected.Any(text.Contains))
        {
            return true;
        }

        var mentionsReturn = text.Contains("retour", StringComparison.Ordinal);
        return mentionsReturn && (SenderWords.Any(text.Contains) || text.Contains("en retour", StringComparison.Ordinal) || text.StartsWith("retour", StringComparison.Ordinal))
               || ((text.Contains("livre", StringComparison.Ordinal) || text.Contains("remis", StringComparison.Ordinal)) && SenderWords.Any(text.Contains));
    }

    /// <summary>Lower case, no accents, apostrophes and punctuation as spaces, single spaces.</summary>
    public static string Normalise(string? text)
    {
        var decomposed = (text ?? "").Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return string.Join(' ', plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
