namespace OrderPlatform.BackOffice.Session;

/// <summary>Where to go once signed in: a page of the back office only, never an address elsewhere (an open redirect).</summary>
public static class ReturnPath
{
    public const string Home = "/";

    public static string Of(string? returnUrl)
    {
        if (string.IsNullOrWhiteSpace(returnUrl))
        {
            return Home;
        }

        var path = returnUrl.Trim();
        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme != Uri.UriSchemeFile)
        {
            return Home;
        }

        if (!path.StartsWith('/'))
        {
            path = "/" + path;
        }

        return path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal)
            || !Uri.TryCreate(path, UriKind.Relative, out _) || path.StartsWith(BackOfficeSession.SignInPath, StringComparison.Ordinal)
            ? Home
            : path;
    }
}
