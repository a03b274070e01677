namespace OrderPlatform.Gateway;

/// <summary>The gateway's limits, from <c>Gateway:*</c>.</summary>
public sealed record GatewayOptions(TimeSpan UpstreamTimeout, long MaxRequestBodyBytes)
{
    public static GatewayOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new GatewayOptions(
            configuration.GetValue("Gateway:UpstreamTimeout", TimeSpan.FromSeconds(30)),
            configuration.GetValue("Gateway:MaxRequestBodyBytes", 1L * 1024 * 1024));
    }
}
