namespace OrderPlatform.AppHost;

internal static class PlatformSettingsExtensions
{
    /// <summary>
    /// The AppHost's environment (Development for eng/run and the tests: the demo catalogue, the sandboxes'
    /// addresses), the merchant preset, and whatever settings this run gives every service.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformSettings(this IResourceBuilder<ProjectResource> project, PlatformSettings settings) =>
        project.WithEnvironment(context =>
        {
            var environment = project.ApplicationBuilder.Environment.EnvironmentName;
            context.EnvironmentVariables["ASPNETCORE_ENVIRONMENT"] = environment;
            context.EnvironmentVariables["DOTNET_ENVIRONMENT"] = environment;
            context.EnvironmentVariables["Merchant__Preset"] = settings.Preset;
            foreach (var (name, value) in settings.ServiceSettings)
            {
                context.EnvironmentVariables[name] = value;
            }
        });
}
