using System.Security.Cryptography;
using System.Text;

namespace Alerts.Articles;

// Interim hash for the skeleton; replaced by the fingerprinting from the fetching branch.
public static class ContentHash
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
