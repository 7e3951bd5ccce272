using System.Security.Cryptography;
using System.Text;

namespace Alerts.Articles;

/// <summary>One spelling per article URL, so the same article fetched twice lands in the same blob.</summary>
public static class CanonicalUrl
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id", "wbraid", "gbraid",
        "mc_cid", "mc_eid", "igshid", "igsh", "_ga", "_gl", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp", "hsctatracking",
        "mkt_tok", "ref", "ref_src", "ref_url", "cmpid", "ocid", "smid", "taid", "ito", "icid",
        "ncid", "sr_share", "spm", "s_cid", "at_medium", "at_campaign", "ns_source", "ns_mchannel",
        "ns_campaign", "ns_linkname", "ns_fee", "wt.mc_id", "guccounter", "guce_referrer",
        "guce_referrer_sig", "vero_id", "oly_anon_id", "oly_enc_id", "rb_clickid", "s_kwcid", "xtor", "xtref",
    };

    /// <summary>
    /// Lower-cases scheme and host, drops the default port, the fragment and tracking parameters (utm_* and the
    /// known click ids), and sorts the remaining query parameters. It does not guess at AMP or mobile variants;
    /// <see cref="Choose"/> folds those only when the page itself declares its canonical URL.
    /// </summary>
    public static Uri Normalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"Only absolute URLs have a canonical form: {url}", nameof(url));
        }

        var builder = new StringBuilder(url.OriginalString.Length);
        builder.Append(url.Scheme.ToLowerInvariant()).Append("://");
        if (url.UserInfo.Length > 0)
        {
            builder.Append(url.UserInfo).Append('@');
        }
        builder.Append(url.Host.ToLowerInvariant());
        if (!url.IsDefaultPort)
        {
            builder.Append(':').Append(url.Port);
        }
        builder.Append(url.AbsolutePath.Length == 0 ? "/" : url.AbsolutePath);

        var parameters = url.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(parameter => !IsTracking(ParameterName(parameter)))
            .OrderBy(parameter => ParameterName(parameter), StringComparer.Ordinal)
            .ThenBy(parameter => parameter, StringComparer.Ordinal)
            .ToList();
        if (parameters.Count > 0)
        {
            builder.Append('?').AppendJoin('&', parameters);
        }
        return new Uri(builder.ToString());
    }

    /// <summary>
    /// The canonical URL of a fetched page: the one the page declares (rel=canonical, og:url) when it is http(s) on
    /// the same site — which folds AMP and m./mobile. variants — otherwise the fetched URL. A canonical pointing at
    /// another site (syndication partners do this) is ignored; ContentHash catches those copies instead.
    /// </summary>
    public static Uri Choose(Uri fetchedUrl, Uri? declaredCanonical)
    {
        ArgumentNullException.ThrowIfNull(fetchedUrl);
        var chosen = declaredCanonical is { IsAbsoluteUri: true } declared
            && (declared.Scheme == Uri.UriSchemeHttp || declared.Scheme == Uri.UriSchemeHttps)
            && SiteOf(declared.Host) == SiteOf(fetchedUrl.Host)
                ? declared
                : fetchedUrl;
        return Normalize(chosen);
    }

    /// <summary>
    /// A deterministic, storage-safe blob name for a canonical URL: the first 32 lowercase hex digits (128 bits) of
    /// the SHA-256 of its string, plus ".json". The same article URL always gives the same name, so fetching it a
    /// second time writes over nothing new and a store can skip existing blobs.
    /// </summary>
    public static string BlobName(Uri canonicalUrl)
    {
        ArgumentNullException.ThrowIfNull(canonicalUrl);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonicalUrl.AbsoluteUri));
        return Convert.ToHexStringLower(hash)[..32] + ".json";
    }

    private static string ParameterName(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        return Uri.UnescapeDataString(equals < 0 ? parameter : parameter[..equals]);
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);

    private static string SiteOf(string host)
    {
        host = host.ToLowerInvariant();
        foreach (var prefix in (string[])["www.", "m.", "mobile.", "amp."])
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal))
            {
                return host[prefix.Length..];
            }
        }
        return host;
    }
}
