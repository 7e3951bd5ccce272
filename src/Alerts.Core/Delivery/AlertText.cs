namespace Alerts.Delivery;

/// <summary>Wording and link rules both channels share.</summary>
public static class AlertText
{
    public static string SentimentLabel(double score) => score switch
    {
        <= -0.05 => "negative",
        >= 0.05 => "positive",
        _ => "neutral",
    };

    public static string Byline(Alert alert)
        => alert.Speaker.Role is { Length: > 0 } role ? $"{OneLine(alert.Speaker.Name)}, {OneLine(role)}" : OneLine(alert.Speaker.Name);

    /// <summary>Collapses every run of white space (newlines included) to one space.</summary>
    public static string OneLine(string? text)
        => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Cuts at a word boundary when one is near, and marks the cut with an ellipsis.</summary>
    public static string Shorten(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', maxChars);
        return (cut > maxChars * 3 / 4 ? text[..cut] : text[..maxChars]).TrimEnd() + "\u2026";
    }

    /// <summary>Only absolute http and https links are ever rendered; anything else (javascript:, data:, relative) is dropped.</summary>
    public static string? SafeUrl(string? url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    /// <summary>The story a statement belongs to, for grouping digests: the first outlet's article title.</summary>
    public static string Story(Alert alert) => OneLine(alert.Sources.Count > 0 ? alert.Sources[0].Title : null) is { Length: > 0 } title ? title : "(untitled)";

    /// <summary>The line under the quote with the article's own summary of it, or null.</summary>
    public static string? SummaryLine(Alert alert)
        => OneLine(alert.Summary) is { Length: > 0 } summary ? $"In the report: {Shorten(summary, 300)}" : null;

    /// <summary>"Reported by 3 outlets since 2026-03-05 14:00 UTC": how far the statement has travelled since it
    /// was first seen (a digest counts the reports that came in while it waited).</summary>
    public static string ReportedBy(Alert alert)
    {
        var outlets = alert.Sources.Select(s => OneLine(s.Outlet)).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        return outlets <= 1 ? "Reported by 1 outlet" : $"Reported by {outlets} outlets since {FirstSeen(alert.FirstSeen)}";
    }

    public static string FirstSeen(DateTimeOffset firstSeen) => firstSeen.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
