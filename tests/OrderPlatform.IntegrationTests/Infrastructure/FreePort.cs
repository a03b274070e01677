using System.Net;
using System.Net.Sockets;

namespace OrderPlatform.IntegrationTests.Infrastructure;

/// <summary>A port nothing listens on right now, for a test that needs an address that does not answer.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
