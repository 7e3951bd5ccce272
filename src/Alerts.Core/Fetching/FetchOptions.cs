using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Alerts.Fetching;

public sealed class FetchOptions
{
    public const string Section = "Fetch";

    /// <summary>Six-field NCRONTAB (seconds first), UTC.</summary>
    [Required] public string Schedule { get; set; } = "0 */5 * * * *";

    [Required, MinLength(1, ErrorMessage = "Fetch:Sources needs at least one source (Fetch__Sources__0__Name and Fetch__Sources__0__Url).")]
    public List<FeedSource> Sources { get; set; } = [];

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    [Range(1024, 64 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 5 * 1024 * 1024;

    [Range(1, 32)]
    public int MaxConcurrentSources { get; set; } = 4;

    /// <summary>Fetch the article page when the feed gives only a summary shorter than this.</summary>
    [Range(0, 100_000)]
    public int FullTextBelowChars { get; set; } = 600;

    [Required] public string UserAgent { get; set; } = "AlertsBot/1.0 (news monitoring)";

    /// <summary>Everything spent on one source in one run: feed, retries and article pages.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")]
    public TimeSpan SourceTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Everything one run spends on all its sources. Sources not done when it runs out are left for the next
    /// run, so a run ends (and the next can start) even when many sources are slow or hostile at once. Keep it under
    /// the Functions host's functionTimeout (host.json, 10 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "02:00:00")]
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromMinutes(8);

    /// <summary>Retries after a transient failure (network error, 408, 429, 5xx); 0 for none.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After longer than this is not waited for: the source fails for this run instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a circuit (one per source, feed or pages, and host) stays open after it kept failing.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A source failing this many runs in a row is logged at Warning (again each time the streak doubles);
    /// the failures between are logged at Debug.</summary>
    [Range(2, 1000)]
    public int WarnAfterFailures { get; set; } = 3;

    /// <summary>Items taken from one feed per run, newest first; the rest are skipped with a warning.</summary>
    [Range(1, 100_000)]
    public int MaxItemsPerSource { get; set; } = 500;

    /// <summary>How long a story is remembered for recognising syndicated near-copies.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan SyndicationWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Hosts the fetcher may reach although they are not public: a name (any address it resolves to) or an
    /// IP address. Empty by default: a feed must not turn the fetcher against the network it runs in.</summary>
    public List<string> AllowedPrivateHosts { get; set; } = [];

    /// <summary>CIDR ranges (10.1.0.0/16, fd00::/8) the fetcher may reach although they are not public.</summary>
    public List<string> AllowedPrivateNetworks { get; set; } = [];
}

/// <summary>What a source is; the format is always detected from the content, the type only adds checks and
/// link handling.</summary>
public enum FeedSourceType
{
    /// <summary>RSS 2.0, RSS 1.0/RDF, Atom 1.0 or JSON Feed 1.x.</summary>
    Feed,
    /// <summary>A Google News RSS search (https://news.google.com/rss/search?q=…).</summary>
    GoogleNews,
    /// <summary>The GDELT DOC 2.0 API in article-list JSON mode (…/api/v2/doc/doc?query=…&amp;mode=ArtList&amp;format=json).</summary>
    Gdelt,
}

public sealed class FeedSource
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public FeedSourceType Type { get; set; } = FeedSourceType.Feed;
    /// <summary>Fetch this source at most this often (hh:mm:ss); null fetches it on every run.</summary>
    public TimeSpan? Interval { get; set; }
    public bool Enabled { get; set; } = true;
}

/// <summary>Checks each source and names the bad one, which DataAnnotations alone cannot do for list items.</summary>
public sealed class FetchOptionsValidator : IValidateOptions<FetchOptions>
{
    public ValidateOptionsResult Validate(string? name, FetchOptions options)
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            var label = string.IsNullOrWhiteSpace(source.Name) ? $"Fetch:Sources:{i}" : $"Fetch:Sources:{i} ('{source.Name}')";
            if (string.IsNullOrWhiteSpace(source.Name))
            {
                errors.Add($"{label}: Name is required.");
            }
            else if (!names.Add(source.Name))
            {
                errors.Add($"{label}: Name is used by another source.");
            }

            if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{label}: Url must be an absolute http or https URL.");
            }
            else if (TypeProblem(source.Type, url) is { } problem)
            {
                errors.Add($"{label}: {problem}");
            }

            if (source.Interval is { } interval && (interval < TimeSpan.FromMinutes(1) || interval > TimeSpan.FromDays(7)))
            {
                errors.Add($"{label}: Interval must be between 00:01:00 and 7.00:00:00.");
            }
        }

        if (!NCrontabShape.IsValid(options.Schedule))
        {
            errors.Add($"Fetch:Schedule '{options.Schedule}' is not a six-field NCRONTAB expression (seconds first), e.g. \"0 */5 * * * *\".");
        }

        for (var i = 0; i < options.AllowedPrivateHosts.Count; i++)
        {
            var host = options.AllowedPrivateHosts[i];
            if (string.IsNullOrWhiteSpace(host) || Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown)
            {
                errors.Add($"Fetch:AllowedPrivateHosts:{i} '{host}' must be a host name or an IP address (no scheme, port or path), e.g. 127.0.0.1.");
            }
        }

        for (var i = 0; i < options.AllowedPrivateNetworks.Count; i++)
        {
            var range = options.AllowedPrivateNetworks[i];
            if (!System.Net.IPNetwork.TryParse(range, out var network))
            {
                errors.Add($"Fetch:AllowedPrivateNetworks:{i} '{range}' is not a CIDR range, e.g. 10.1.0.0/16.");
            }
            else if (!string.Equals(network.ToString(), range.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                // TryParse masks the host bits away; an operator who wrote them probably meant something else.
                errors.Add($"Fetch:AllowedPrivateNetworks:{i} '{range}' has bits set beyond its prefix; the range is {network}.");
            }
        }

        if (options.SourceTimeout < options.RequestTimeout)
        {
            errors.Add("Fetch:SourceTimeout must not be shorter than Fetch:RequestTimeout.");
        }

        if (options.RunTimeout < options.SourceTimeout)
        {
            errors.Add("Fetch:RunTimeout must not be shorter than Fetch:SourceTimeout.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string? TypeProblem(FeedSourceType type, Uri url)
    {
        // Case-insensitive checks of the shape only; the host is not pinned, so a proxy or a test server can stand in.
        var query = url.Query.ToUpperInvariant();
        return type switch
        {
            FeedSourceType.Feed => null,
            FeedSourceType.GoogleNews when !url.AbsolutePath.StartsWith("/rss", StringComparison.OrdinalIgnoreCase)
                => "a GoogleNews source needs a https://news.google.com/rss/… URL, e.g. https://news.google.com/rss/search?q=…&hl=en-US&gl=US&ceid=US:en.",
            FeedSourceType.Gdelt when !url.AbsolutePath.EndsWith("/api/v2/doc/doc", StringComparison.OrdinalIgnoreCase)
                || !query.Contains("MODE=ARTLIST", StringComparison.Ordinal) || !query.Contains("FORMAT=JSON", StringComparison.Ordinal)
                => "a Gdelt source needs a DOC 2.0 API URL (…/api/v2/doc/doc?query=…) with mode=ArtList&format=json.",
            FeedSourceType.GoogleNews or FeedSourceType.Gdelt => null,
            _ => $"Type '{type}' is not one of Feed, GoogleNews, Gdelt.",
        };
    }
}

/// <summary>A shape check of a six-field cron expression; the trigger engine does the full parse.</summary>
internal static class NCrontabShape
{
    public static bool IsValid(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }

        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 6 && fields.All(f => f.All(c => char.IsAsciiLetterOrDigit(c) || c is '*' or '/' or ',' or '-' or '?'));
    }
}
