namespace OrderPlatform.Accounts.Domain;

/// <summary>
/// On the marketplace a sign-up is approved before its confirmation e-mail [MP-03]: automatic checks approve it at once, a doubtful one
/// waits for operations, who approve it (the confirmation then goes out) or refuse it (the account is removed). Nobody deciding within
/// <see cref="DecideWithin"/> refuses it: a sign-up does not wait forever.
/// </summary>
public static class SignUpApproval
{
    public static readonly TimeSpan DecideWithin = TimeSpan.FromDays(30);

    // Throwaway-mail services: an account on one is how spam and fraud usually start.
    private static readonly HashSet<string> Disposable = new(StringComparer.OrdinalIgnoreCase)
    {
        "yopmail.com", "yopmail.fr", "yopmail.net", "mailinator.com", "guerrillamail.com", "sharklasers.com", "10minutemail.com", "trashmail.com",
        "jetable.org", "temp-mail.org", "tempmail.com", "getnada.com", "dispostable.com", "maildrop.cc",
    };

    /// <summary>Why the automatic checks doubt this sign-up (operations then decide), or null when it is approved at once.</summary>
    public static string? Doubt(string email, string? firstName, string? lastName)
    {
        ArgumentNullException.ThrowIfNull(email);
        var domain = email[(email.LastIndexOf('@') + 1)..];
        if (Disposable.Contains(domain))
        {
            return $"a throwaway e-mail address ({domain})";
        }

        return new[] { firstName, lastName }.Any(name => name is not null
            && (name.Contains("http", StringComparison.OrdinalIgnoreCase) || name.Contains("www.", StringComparison.OrdinalIgnoreCase) || name.Any(char.IsDigit)))
            ? "a name with a link or digits in it"
            : null;
    }

    /// <summary>Whether operations left this sign-up undecided too long: it is refused.</summary>
    public static bool Expired(Customer customer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer.AwaitingApproval is not null && customer.CreatedAt + DecideWithin <= now;
    }
}
