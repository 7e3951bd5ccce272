using System.Buffers.Text;
using System.Text;

namespace Alerts.Fetching;

/// <summary>
/// Google News RSS links point at news.google.com/rss/articles/{id}, a page that forwards to the article by script,
/// not by an HTTP redirect. Older ids are a base64url protobuf that holds the article URL in clear; newer ones are
/// opaque, and then there is no page we can fetch without a browser.
/// </summary>
public static class GoogleNewsLink
{
    public static bool IsGoogleNews(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link.Host.Equals("news.google.com", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The article URL inside a Google News article id, or null when the id does not carry one.</summary>
    public static Uri? TryDecode(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var segments = link.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var articles = Array.FindIndex(segments, s => s.Equals("articles", StringComparison.OrdinalIgnoreCase));
        if (articles < 0 || articles + 1 >= segments.Length)
        {
            return null;
        }

        var id = segments[articles + 1];
        var bytes = new byte[Base64Url.GetMaxDecodedLength(id.Length)];
        if (Base64Url.DecodeFromChars(id, bytes, out _, out var written) is not System.Buffers.OperationStatus.Done)
        {
            return null;
        }

        var text = Encoding.Latin1.GetString(bytes, 0, written);
        var start = text.IndexOf("http", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        var end = start;
        while (end < text.Length && text[end] > ' ' && text[end] < 0x7F)
        {
            end++;
        }
        return Uri.TryCreate(text[start..end], UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            && !IsGoogleNews(url)
                ? url
                : null;
    }
}
