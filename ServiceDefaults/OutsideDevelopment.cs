using Microsoft.Extensions.Hosting;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// Settings a service has defaults for only because the sandboxes stand in for the real providers in Development (the PSP, the
/// SMS provider, the SMTP relay, the carriers). Anywhere else a missing one stops the service at start, naming every one missing,
/// rather than sending a customer's payment or e-mail to a sandbox that is not there.
/// </summary>
public static class OutsideDevelopment
{
    public static IHostApplicationBuilder RequireSettings(this IHostApplicationBuilder builder, params string[] settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        if (builder.Environment.IsDevelopment())
        {
            return builder;
        }

        var missing = settings.Where(setting => string.IsNullOrWhiteSpace(builder.Configuration[setting])).ToList();
        return missing.Count == 0
            ? builder
            : throw new InvalidOperationException(
                $"{ServiceIdentity.NameOf(builder.Environment)} cannot start in {builder.Environment.EnvironmentName}: "
                + $"{string.Join(", ", missing.Select(setting => $"{setting} (environment variable {setting.Replace(":", "__", StringComparison.Ordinal)})"))} "
                + $"{(missing.Count == 1 ? "is" : "are")} required; outside Development nothing falls back to the sandboxes.");
    }
}
