namespace OrderPlatform.IntegrationTests.Infrastructure;

/// <summary>The services behind the gateway, as the AppHost names them (<c>services__{name}__http__0</c>).</summary>
internal static class PlatformServices
{
    public static readonly string[] Names = ["catalog", "ordering", "payment", "shipping", "returns", "notification", "accounts", "conversations", "backoffice"];
}
