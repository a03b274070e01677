using System.Globalization;
using OrderPlatform.Contracts;

namespace OrderPlatform.BackOffice.Operations;

/// <summary>How the back office writes dates, amounts and statuses: in French, in the shop's (Paris) time.</summary>
public static class French
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>1 234,56 €: no-break spaces (narrow between thousands), so an amount never wraps; ICU puts a plain space before the €.</summary>
    public static string Euros(long cents) => (cents / 100m).ToString("C", Culture).Replace(' ', '\u00a0');

    /// <summary>1 commande, 0 commande, 1 234 commandes (French counts 0 and 1 as singular).</summary>
    public static string Count(long count, string singular, string plural) =>
        count.ToString("N0", Culture) + " " + (count < 2 ? singular : plural);

    /// <summary>6 décembre 2026 à 14:05, Paris time.</summary>
    public static string DateTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, DeliveryWindows.Paris).ToString("d MMMM yyyy 'à' HH:mm", Culture);

    /// <summary>2 h 05 min, 3 j 4 h: how long something has waited.</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays} j {span.Hours} h"
        : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes:00} min"
        : $"{Math.Max(0, (int)span.TotalMinutes)} min";

    public static string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, DeliveryWindows.Paris).ToString("d MMMM yyyy", Culture);

    public static readonly IReadOnlyDictionary<string, string> OrderStatuses = new Dictionary<string, string>
    {
        ["placed"] = "passée, paiement en cours",
        ["payment-refused"] = "paiement refusé",
        ["confirmed"] = "confirmée",
        ["preparing"] = "en préparation",
        ["backordered"] = "en attente de stock",
        ["partially-shipped"] = "partiellement expédiée",
        ["shipped"] = "expédiée",
        ["delivered"] = "livrée",
        ["cancelled"] = "annulée",
        ["completed"] = "terminée",
        ["returned-to-warehouse"] = "colis revenu à l'entrepôt",
        ["refunded"] = "remboursée",
        ["parcel-lost"] = "colis perdu",
    };

    public static readonly IReadOnlyDictionary<string, string> LineStatuses = new Dictionary<string, string>
    {
        ["pending"] = "en attente",
        ["reserved"] = "réservée",
        ["backordered"] = "en attente de stock",
        ["unavailable"] = "indisponible",
        ["partially-shipped"] = "partiellement expédiée",
        ["shipped"] = "expédiée",
        ["cancelled"] = "annulée",
    };

    public static readonly IReadOnlyDictionary<string, string> Carriers = new Dictionary<string, string>
    {
        ["mondial-relay"] = "Mondial Relay",
        ["la-poste"] = "La Poste (Colissimo)",
    };

    /// <summary>What an operator did, by the name of the endpoint that did it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>
    {
        ["HandOrderToLogisticsNow"] = "remise à la logistique",
        ["CancelOrderForOperations"] = "annulation",
        ["ReshipReturnedParcel"] = "colis revenu renvoyé",
        ["RefundReturnedParcel"] = "colis revenu remboursé",
        ["ResolveClaim"] = "réclamation réglée",
        ["RenewEscalatedPayment"] = "autorisation redemandée",
        ["ShipOrderLines"] = "colis expédié ou articles déclarés manquants",
        ["ResetOperatorSecondFactor"] = "application d'authentification d'un opérateur effacée",
        ["RotateSigningKey"] = "clé de signature changée",
        ["DecideSignUp"] = "inscription décidée",
        ["EraseAccountOnRequest"] = "compte effacé à la demande du client",
        ["CorrectShipmentRecipient"] = "destinataire corrigé",
        ["RetryShipmentLabel"] = "étiquette redemandée",
        ["ReceiveReturn"] = "retour reçu et inspecté",
        ["RefundOrphanPayment"] = "paiement orphelin remboursé",
        ["CreditStoreCredit"] = "avoir crédité",
        ["IssueGiftCard"] = "carte cadeau émise",
        ["CreatePromoCode"] = "code promo créé",
        ["Restock"] = "stock ajouté",
        ["SendNewsletter"] = "lettre d'information envoyée",
        ["DecideSellerApplication"] = "candidature de vendeur décidée",
        ["SuspendSeller"] = "vendeur suspendu",
        ["ReinstateSeller"] = "vendeur rétabli",
        ["SetSellerCommission"] = "commission du vendeur fixée",
        ["RecordSellerPayout"] = "virement au vendeur enregistré",
        ["CloseReport"] = "signalement clos",
        ["WriteInReport"] = "réponse à un signalement",
        ["ModifyOrder"] = "commande modifiée",
    };

    public static readonly IReadOnlyDictionary<string, string> ClaimKinds = new Dictionary<string, string>
    {
        ["missing"] = "article manquant",
        ["defective"] = "article défectueux",
        ["damaged"] = "colis ou article abîmé",
    };

    public static string ClaimKind(string kind) => ClaimKinds.GetValueOrDefault(kind, kind);

    /// <summary>Why Accounts doubted a sign-up [MP-03], as its checks word it.</summary>
    public static string SignUpDoubt(string doubt) => doubt switch
    {
        _ when doubt.StartsWith("a throwaway e-mail address", StringComparison.Ordinal) =>
            "adresse e-mail jetable" + doubt["a throwaway e-mail address".Length..],
        "a name with a link or digits in it" => "un nom avec un lien ou des chiffres",
        _ => doubt,
    };

    /// <summary>Why a customer sends a line back, in their words.</summary>
    public static readonly IReadOnlyDictionary<string, string> ReturnReasons = new Dictionary<string, string>
    {
        ["changed-mind"] = "changement d'avis",
        ["wrong-size"] = "taille qui ne convient pas",
        ["not-as-described"] = "ne correspond pas à la description",
        ["defective"] = "défectueux",
        ["damaged"] = "abîmé",
        ["wrong-item"] = "article erroné",
        ["counterfeit"] = "contrefaçon",
        ["not-working"] = "ne fonctionne pas",
        ["other"] = "autre raison",
    };

    public static string ReturnReason(string reason) => ReturnReasons.GetValueOrDefault(reason, reason);

    public static string Action(string action) => Actions.GetValueOrDefault(action, action);

    public static string OrderStatus(string status) => OrderStatuses.GetValueOrDefault(status, status);

    public static string LineStatus(string status) => LineStatuses.GetValueOrDefault(status, status);

    public static string Carrier(string? carrier) => carrier is null ? "—" : Carriers.GetValueOrDefault(carrier, carrier);
}
