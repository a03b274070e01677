namespace OrderPlatform.Contracts;

/// <summary>What the carriers print on a label: longer, or without the recipient's name, they refuse it.</summary>
public static class CarrierLabels
{
    /// <summary>A name or address field's length on the label: Mondial Relay 32 characters, Colissimo 35.</summary>
    public static int FieldLength(string? carrier) => carrier switch
    {
        "mondial-relay" => 32,
        "la-poste" => 35,
        _ => 200,
    };

    /// <summary>The recipient's fields the carrier would refuse, each with why; empty when the label can be printed.</summary>
    public static Dictionary<string, string[]> Problems(string? carrier, PostalAddress? recipient, string prefix)
    {
        var problems = new Dictionary<string, string[]>();
        var length = FieldLength(carrier);
        foreach (var (field, value) in (ValueTuple<string, string?>[])[("firstName", recipient?.FirstName), ("lastName", recipient?.LastName),
                     ("line1", recipient?.Line1), ("postalCode", recipient?.PostalCode), ("city", recipient?.City)])
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > length)
            {
                problems[$"{prefix}.{field}"] = [$"The {field} is required (at most {length} characters, what the carrier prints on the label)."];
            }
        }

        if (recipient?.Line2 is { } line2 && line2.Trim().Length > length)
        {
            problems[$"{prefix}.line2"] = [$"At most {length} characters, what the carrier prints on the label."];
        }

        return problems;
    }
}
