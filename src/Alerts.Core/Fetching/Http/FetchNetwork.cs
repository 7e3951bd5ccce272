using System.Net;
using System.Net.Sockets;

namespace Alerts.Fetching;

/// <summary>Name resolution and TCP connects for the fetcher's connections: the outside system <see cref="AddressGuard"/>
/// vets, and the seam where tests resolve names to private addresses and record connects without DNS or traffic.</summary>
public interface IFetchNetwork
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);

    Task<Stream> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken);
}

/// <summary>DNS and sockets.</summary>
internal sealed class SystemFetchNetwork : IFetchNetwork
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        => Dns.GetHostAddressesAsync(host, cancellationToken);

    public async Task<Stream> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
