using System.Globalization;

namespace OrderPlatform.BackOffice.Operations;

/// <summary>What an operator typed to settle a claim, checked before Returns is asked: French amounts, a message always.</summary>
public static class ClaimDecisionInput
{
    /// <summary>The amount in cents (null: the unit's value), or what to tell the operator.</summary>
    public static (long? AmountCents, string? Invalid) Check(string? outcome, string? amount, string? note, string? lineId)
    {
        if (outcome is not ("refund" or "replacement" or "refused"))
        {
            return (null, "Choisissez une décision : rembourser, envoyer un remplacement ou refuser.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return (null, "Écrivez le message au client : il est envoyé par e-mail et enregistré comme motif.");
        }

        if (outcome == "refund" && lineId is null)
        {
            return (null, "Choisissez l'article remboursé.");
        }

        if (outcome != "refund" || string.IsNullOrWhiteSpace(amount))
        {
            return (null, null);
        }

        var text = amount.Replace('\u00a0', ' ').Replace('\u202f', ' ').Replace(" ", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal)
            .Replace('.', ',');
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, French.Culture, out var euros) && euros > 0 && decimal.Round(euros, 2) == euros
            ? ((long)(euros * 100), null)
            : (null, "Le montant s'écrit en euros, par exemple 12,50.");
    }

    public static string Outcome(CustomerClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return claim.Outcome switch
        {
            "refund" => $"remboursement de {French.Euros(claim.RefundCents)}",
            "replacement" => "remplacement envoyé",
            "refused" => "refusée",
            _ => claim.Outcome ?? "réglée",
        };
    }
}
