using Microsoft.Extensions.Hosting;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// The short name of a service ("ordering" for OrderPlatform.Ordering). It prefixes queue names and
/// names the database connection string, so it comes from the assembly, not from the environment.
/// </summary>
public static class ServiceIdentity
{
    public static string NameOf(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var name = environment.ApplicationName;
        var lastDot = name.LastIndexOf('.');
        return (lastDot >= 0 ? name[(lastDot + 1)..] : name).ToLowerInvariant();
    }
}
