using System.Security.Cryptography;
using System.Text;

namespace Alerts.Articles;

// Interim canonicalisation for the skeleton; replaced by the full one from the fetching branch.
public static class CanonicalUrl
{
    public static Uri Normalize(Uri url) => new UriBuilder(url) { Fragment = "" }.Uri;

    public static string BlobName(Uri canonicalUrl)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalUrl.AbsoluteUri)))[..32] + ".json";
}
