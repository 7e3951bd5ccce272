using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Alerts.Fetching;

namespace Alerts.Tests.Infrastructure;

/// <summary>The fetcher's network for tests: names resolve from a table (no DNS), every connect is recorded, and only
/// loopback addresses are really connected to, so no fetch test can send traffic beyond this machine whatever the
/// guard decides.</summary>
public sealed class RecordingNetwork : IFetchNetwork
{
    private readonly ConcurrentDictionary<string, IPAddress[]> names = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> resolved = new();
    private readonly ConcurrentQueue<IPEndPoint> connects = new();
    private readonly SystemFetchNetwork sockets = new();

    public IReadOnlyCollection<string> Resolved => resolved;

    public IReadOnlyCollection<IPEndPoint> Connects => connects;

    public RecordingNetwork Resolve(string host, params string[] addresses)
    {
        names[host] = [.. addresses.Select(IPAddress.Parse)];
        return this;
    }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        resolved.Enqueue(host);
        if (names.TryGetValue(host, out var addresses))
        {
            return Task.FromResult(addresses);
        }
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            ? Task.FromResult<IPAddress[]>([IPAddress.Loopback])
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }

    public Task<Stream> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        connects.Enqueue(endPoint);
        return IPAddress.IsLoopback(endPoint.Address)
            ? sockets.ConnectAsync(endPoint, cancellationToken)
            : Task.FromException<Stream>(new SocketException((int)SocketError.NetworkUnreachable));
    }
}
