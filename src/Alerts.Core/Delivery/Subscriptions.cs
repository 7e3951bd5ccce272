using System.Globalization;
using System.Text;

namespace Alerts.Delivery;

public enum Cadence
{
    Immediate,
    Hourly,
    Daily,
}

/// <summary>The subscriptions document (<c>config/subscriptions.json</c>).</summary>
public sealed record SubscriptionsDocument
{
    public List<Subscriber> Subscribers { get; init; } = [];
}

public sealed record Subscriber
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public SubscriberChannels Channels { get; init; } = new();
    public SubscriberFilters Filters { get; init; } = new();
    public Cadence Cadence { get; init; } = Cadence.Immediate;
    /// <summary>IANA time zone for digests, e.g. America/Mexico_City.</summary>
    public string TimeZone { get; init; } = "UTC";
    /// <summary>Local hour (0–23) at which the daily digest goes out.</summary>
    public int DigestHour { get; init; } = 8;

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

public sealed record SubscriberChannels
{
    public EmailChannel? Email { get; init; }
    public TeamsChannel? Teams { get; init; }
}

public sealed record EmailChannel
{
    public string Address { get; init; } = "";
}

/// <summary>The Workflows webhook URL is a secret: the document names the app setting (Key Vault reference on Azure)
/// that holds it, never the URL itself.</summary>
public sealed record TeamsChannel
{
    public string WebhookSetting { get; init; } = "";
}

/// <summary>Every filter given must match (and); within one list any entry may match (or). Empty means no restriction.</summary>
public sealed record SubscriberFilters
{
    public List<string> Speakers { get; init; } = [];
    public List<string> Organisations { get; init; } = [];
    /// <summary>ISO 3166 alpha-2 codes (US, MX, …) or country names.</summary>
    public List<string> Countries { get; init; } = [];
    public double MinRelevance { get; init; }
    /// <summary>negative, neutral and/or positive.</summary>
    public List<string> Sentiment { get; init; } = [];
    /// <summary>Speakers the subscriber muted (from an alert's "mute this speaker" link): never sent, whatever else matches.</summary>
    public List<string> MutedSpeakers { get; init; } = [];

    /// <summary>The filters that let this alert through, in words, for the alert's "why you got this" line; empty when
    /// the subscriber set none.</summary>
    public IReadOnlyList<string> Explain(Alert alert)
    {
        var why = new List<string>();
        var speaker = FilterText.Normalize(alert.Speaker.Name);
        if (Speakers.FirstOrDefault(s => FilterText.ContainsWords(speaker, s)) is { } named)
        {
            why.Add($"speaker \u201C{named}\u201D");
        }

        var organisationText = FilterText.Normalize($"{(alert.Speaker.Kind == Analysis.SpeakerKind.Organization ? alert.Speaker.Name : "")} {alert.Speaker.Role}");
        if (Organisations.FirstOrDefault(o => FilterText.ContainsWords(organisationText, o)) is { } organisation)
        {
            why.Add($"organisation \u201C{organisation}\u201D");
        }

        if (Countries.Count > 0)
        {
            var context = FilterText.Normalize($"{alert.Speaker.Role} {alert.Text} {string.Join(' ', alert.Sources.Select(s => s.Title))}");
            if (Countries.FirstOrDefault(c => FilterText.CountryNames(c).Any(name => FilterText.ContainsWords(context, name))) is { } country)
            {
                why.Add($"country {FilterText.CountryName(country)}");
            }
        }

        if (Sentiment.Count > 0)
        {
            why.Add($"{AlertText.SentimentLabel(alert.Sentiment)} statements");
        }

        if (MinRelevance > 0)
        {
            why.Add($"statements at least {AlertText.RelevanceWords(MinRelevance)}");
        }

        return why;
    }

    public bool Matches(Alert alert)
    {
        if (MutedSpeakers.Count > 0 && MutedSpeakers.Any(m => FilterText.ContainsWords(FilterText.Normalize(alert.Speaker.Name), m)))
        {
            return false;
        }

        if (alert.Relevance < MinRelevance)
        {
            return false;
        }

        if (Sentiment.Count > 0 && !Sentiment.Contains(AlertText.SentimentLabel(alert.Sentiment), StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        var speaker = FilterText.Normalize(alert.Speaker.Name);
        if (Speakers.Count > 0 && !Speakers.Any(s => FilterText.ContainsWords(speaker, s)))
        {
            return false;
        }

        var organisationText = FilterText.Normalize($"{(alert.Speaker.Kind == Analysis.SpeakerKind.Organization ? alert.Speaker.Name : "")} {alert.Speaker.Role}");
        if (Organisations.Count > 0 && !Organisations.Any(o => FilterText.ContainsWords(organisationText, o)))
        {
            return false;
        }

        if (Countries.Count > 0)
        {
            var context = FilterText.Normalize($"{alert.Speaker.Role} {alert.Text} {string.Join(' ', alert.Sources.Select(s => s.Title))}");
            if (!Countries.Any(c => FilterText.CountryNames(c).Any(name => FilterText.ContainsWords(context, name))))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Word matching for filters: case, accents and punctuation do not count.</summary>
internal static class FilterText
{
    private static readonly Dictionary<string, string[]> Countries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = ["United States", "U.S.", "USA", "America", "American", "Americans", "Washington", "Pentagon"],
        ["MX"] = ["Mexico", "Mexican", "Mexicans", "Mexico City"],
        ["CA"] = ["Canada", "Canadian"],
        ["GT"] = ["Guatemala", "Guatemalan"],
    };

    public static IEnumerable<string> CountryNames(string filter)
        => Countries.TryGetValue(filter.Trim(), out var names) ? names : [filter];

    /// <summary>"United States" for US, the filter itself for a name.</summary>
    public static string CountryName(string filter)
        => Countries.TryGetValue(filter.Trim(), out var names) ? names[0] : filter.Trim();

    /// <summary>The first country whose names the text holds, by its display name; null when none.</summary>
    public static string? CountryOf(string? text)
    {
        var normalized = Normalize(text);
        return normalized.Length == 0 ? null
            : Countries.Values.FirstOrDefault(names => names.Any(name => ContainsWords(normalized, name)))?[0];
    }

    public static bool ContainsWords(string normalizedText, string phrase)
    {
        var needle = Normalize(phrase);
        if (needle.Length == 0)
        {
            return false;
        }

        return $" {normalizedText} ".Contains($" {needle} ", StringComparison.Ordinal);
    }

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }
}
