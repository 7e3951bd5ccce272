using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Fetching;

/// <summary>
/// The fetcher's ConnectCallback: every connection (feed, article page, each redirect hop) resolves its host here,
/// refuses it unless every address is public or allowed by Fetch:AllowedPrivateHosts / Fetch:AllowedPrivateNetworks,
/// and then connects to an address it vetted. The check is on resolved addresses, not on the URL's spelling, so
/// http://2130706433/, [::ffff:127.0.0.1] and names that resolve inward are all caught, and a name that resolves to a
/// public address for the check and a private one later (DNS rebinding) has no later: the socket goes to the address
/// that was checked.
/// </summary>
public sealed class AddressGuard(IFetchNetwork network, IOptionsMonitor<FetchOptions> options, ILogger<AddressGuard> logger)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var port = context.DnsEndPoint.Port;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await network.ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound);
        }

        var policy = options.CurrentValue;
        // One inward address refuses the name: a host that mixes public and private records is not one to trust.
        if (!policy.AllowedPrivateHosts.Contains(host, StringComparer.OrdinalIgnoreCase)
            && addresses.FirstOrDefault(a => !IsAllowed(a, policy)) is { } refused)
        {
            Log.AddressRefused(logger, host, refused);
            throw new AddressRefusedException(host, refused);
        }

        Exception? last = null;
        foreach (var address in addresses)
        {
            try
            {
                return await network.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException)
            {
                last = e;
            }
        }
        throw last!;
    }

    private static bool IsAllowed(IPAddress address, FetchOptions policy)
    {
        if (!NonPublicAddresses.Contains(address))
        {
            return true;
        }
        var effective = NonPublicAddresses.Effective(address);
        return policy.AllowedPrivateHosts.Any(h => IPAddress.TryParse(h.Trim('[', ']'), out var allowed) && NonPublicAddresses.Effective(allowed).Equals(effective))
            || policy.AllowedPrivateNetworks.Any(n => IPNetwork.TryParse(n, out var network) && network.Contains(effective));
    }
}

/// <summary>A connection the guard would not make: the host is, or resolves to, an address that is not public.</summary>
public sealed class AddressRefusedException : Exception
{
    public AddressRefusedException()
    {
    }

    public AddressRefusedException(string message) : base(message)
    {
    }

    public AddressRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public AddressRefusedException(string host, IPAddress address)
        : base(host == address.ToString()
            ? $"address {address} is not public (Fetch:AllowedPrivateHosts or Fetch:AllowedPrivateNetworks can allow it)"
            : $"{host} resolves to {address}, which is not public (Fetch:AllowedPrivateHosts or Fetch:AllowedPrivateNetworks can allow it)")
    {
        Host = host;
        Address = address;
    }

    public string Host { get; } = "";

    public IPAddress? Address { get; }
}
