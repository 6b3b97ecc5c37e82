using System.Net;
using System.Net.Sockets;

namespace Omnichannel.Bench;

internal static class LoopbackPorts
{
    /// <summary>A port free right now; another process could take it before we bind, which a retry of the bench fixes.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
