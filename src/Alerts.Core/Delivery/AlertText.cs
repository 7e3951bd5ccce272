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

    /// <summary>Sentiment in words for readers; the number is for operators and stays in the delivery record.</summary>
    public static string SentimentWords(double score) => score switch
    {
        <= -0.6 => "strongly negative",
        <= -0.2 => "negative",
        < -0.05 => "slightly negative",
        <= 0.05 => "neutral",
        < 0.2 => "slightly positive",
        < 0.6 => "positive",
        _ => "strongly positive",
    };

    /// <summary>Relevance in words. Every alert is on topic already, so the scale starts there.</summary>
    public static string RelevanceWords(double relevance) => relevance switch
    {
        >= 0.85 => "highly relevant",
        >= 0.65 => "relevant",
        _ => "marginally relevant",
    };

    /// <summary>"new statement" or "repeated talking point": whether the speaker said these things before, on other
    /// occasions, and now together.</summary>
    public static string Novelty(Alert alert) => alert.Echoes is null ? "New statement" : "Repeated talking point";

    /// <summary>The country the speaker's role names (U.S. Defense Secretary: United States), or null.</summary>
    public static string? Country(Alert alert)
        => FilterText.CountryOf($"{alert.Speaker.Role} {(alert.Speaker.Kind == Analysis.SpeakerKind.Organization ? alert.Speaker.Name : "")}");

    /// <summary>"Spanish (es-MX)"; the code alone for a language this list does not name; null when unknown.</summary>
    public static string? LanguageName(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var primary = code.Split('-', '_')[0].ToLowerInvariant();
        var name = primary switch
        {
            "en" => "English",
            "es" => "Spanish",
            "fr" => "French",
            "pt" => "Portuguese",
            "de" => "German",
            _ => null,
        };
        return name is null ? OneLine(code) : $"{name} ({OneLine(code)})";
    }

    /// <summary>Speaker, role and country on one line: "Helen Marsh, U.S. Defense Secretary (United States)".</summary>
    public static string FullByline(Alert alert)
        => Country(alert) is { } country ? $"{Byline(alert)} ({country})" : Byline(alert);

    /// <summary>Why the subscriber got the alert, as one sentence.</summary>
    public static string WhyLine(Alert alert)
        => alert.Matched.Count == 0 ? "You receive every new statement on the watched topic." : $"You follow {string.Join("; ", alert.Matched.Select(OneLine))}.";

    /// <summary>"Context: …": the article's sentence around the statement, or null.</summary>
    public static string? ContextLine(Alert alert)
        => OneLine(alert.Context) is { Length: > 0 } context ? $"Context: {Shorten(context, 320)}" : null;

    /// <summary>"Strongly negative, highly relevant; first seen 2026-03-05 13:30 UTC."</summary>
    public static string Assessment(Alert alert)
    {
        var sentiment = SentimentWords(alert.Sentiment);
        return $"{char.ToUpperInvariant(sentiment[0])}{sentiment[1..]}, {RelevanceWords(alert.Relevance)}; first seen {FirstSeen(alert.FirstSeen)}.";
    }

    /// <summary>"Repeats what they said before: “…”", for a repeated talking point; null for a new one.</summary>
    public static string? EchoLine(Alert alert)
        => OneLine(alert.Echoes) is { Length: > 0 } echo ? $"Said before: \u201C{Shorten(echo, 200)}\u201D" : null;

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
