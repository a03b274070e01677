namespace OrderPlatform.Gateway;

/// <summary>The gateway's limits, from <c>Gateway:*</c>; <paramref name="MaxUploadBytes"/> for the routes that take photos (claims, messages to a seller).</summary>
public sealed record GatewayOptions(TimeSpan UpstreamTimeout, long MaxRequestBodyBytes, long MaxUploadBytes = 6L * 1024 * 1024)
{
    /// <summary>Where a customer uploads a photo: a phone's picture is larger than any JSON body.</summary>
    public static readonly PathString[] UploadPaths = ["/api/claims", "/api/conversations"];

    public static GatewayOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new GatewayOptions(
            configuration.GetValue("Gateway:UpstreamTimeout", TimeSpan.FromSeconds(30)),
            configuration.GetValue("Gateway:MaxRequestBodyBytes", 1L * 1024 * 1024),
            configuration.GetValue("Gateway:MaxUploadBytes", 6L * 1024 * 1024));
    }
}
