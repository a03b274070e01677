namespace OrderPlatform.AppHost;

/// <summary>
/// Each service's <c>migrate</c> command (ServiceDefaults' SchemaMigration) as a resource of its own: it runs to completion before
/// any copy of the service starts, and the dashboard shows it under its service, Finished.
/// </summary>
internal static class SchemaMigrations
{
    public const string Command = "migrate";
    private const string Suffix = "-migrate";

    public static string NameFor(string service) => service + Suffix;

    public static bool IsMigration(IResource resource) => resource.Name.EndsWith(Suffix, StringComparison.Ordinal);
}
