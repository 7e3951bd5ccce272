using System.Net;

namespace Alerts.Fetching;

/// <summary>Addresses a feed must never make the fetcher reach: this host, private and shared networks, link-local
/// (cloud metadata at 169.254.169.254), multicast, broadcast and reserved ranges (RFC 6890 and its IPv6 peers).</summary>
internal static class NonPublicAddresses
{
    private static readonly IPNetwork[] Ranges =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // "this network"; 0.0.0.0 reaches the local host on Linux
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),    // carrier-grade NAT, often a cloud's internal network
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),   // link-local, cloud metadata endpoints
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),     // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"),     // documentation
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),    // benchmarking
        IPNetwork.Parse("198.51.100.0/24"),  // documentation
        IPNetwork.Parse("203.0.113.0/24"),   // documentation
        IPNetwork.Parse("224.0.0.0/4"),      // multicast
        IPNetwork.Parse("240.0.0.0/4"),      // reserved, and 255.255.255.255 broadcast
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("::/96"),            // IPv4-compatible (deprecated), would reach the IPv4 address
        IPNetwork.Parse("64:ff9b:1::/48"),   // local-use NAT64
        IPNetwork.Parse("100::/64"),         // discard
        IPNetwork.Parse("2001:db8::/32"),    // documentation
        IPNetwork.Parse("fc00::/7"),         // unique local
        IPNetwork.Parse("fe80::/10"),        // link-local
        IPNetwork.Parse("fec0::/10"),        // site-local (deprecated)
        IPNetwork.Parse("ff00::/8"),         // multicast
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>The address a connection would really reach: IPv4-mapped, NAT64 and 6to4 forms carry an IPv4 address
    /// that is checked as itself (::ffff:127.0.0.1 is 127.0.0.1).</summary>
    public static IPAddress Effective(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        if (Nat64.Contains(address))
        {
            return new IPAddress(address.GetAddressBytes().AsSpan(12, 4));
        }
        if (SixToFour.Contains(address))
        {
            return new IPAddress(address.GetAddressBytes().AsSpan(2, 4));
        }
        return address;
    }

    public static bool Contains(IPAddress address)
    {
        var effective = Effective(address);
        return Array.Exists(Ranges, range => range.Contains(effective));
    }
}
