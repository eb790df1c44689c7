using System.Net;
using System.Net.Sockets;

namespace SiddhiGen.Tool.Tests.Support;

/// <summary>Loopback ports for tests.</summary>
public static class Ports
{
    /// <summary>A port that was free a moment ago (bound to port 0 and released).</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
