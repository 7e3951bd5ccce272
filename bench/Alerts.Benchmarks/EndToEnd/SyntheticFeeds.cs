using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Benchmarks.EndToEnd;

/// <summary>RSS feeds on 127.0.0.1 for the end-to-end benchmark: backlog feeds of older articles (at most
/// <see cref="ItemsPerBacklogFeed"/> each, as a first fetch of many sources finds them) and one live feed whose items
/// appear at a set rate once <see cref="StartLive"/> is called. Every article is its own text, so the fetcher stores
/// each one (no syndicated copies), and every on-topic one is a new statement by its own speaker.</summary>
internal sealed class SyntheticFeeds : IAsyncDisposable
{
    /// <summary>The fetcher takes at most Fetch:MaxItemsPerSource (500 by default) items from one feed per run.</summary>
    public const int ItemsPerBacklogFeed = 500;

    private readonly WebApplication app;
    private readonly int backlog;
    private readonly double backlogOnTopicShare;
    private readonly int liveItems;
    private readonly double liveRate;
    private readonly DateTimeOffset backlogPublished;
    private readonly ConcurrentDictionary<int, string> backlogFeeds = new();
    private DateTimeOffset? liveStarted;

    private SyntheticFeeds(WebApplication app, int backlog, double backlogOnTopicShare, int liveItems, double liveRate, DateTimeOffset now)
    {
        this.app = app;
        this.backlog = backlog;
        this.backlogOnTopicShare = backlogOnTopicShare;
        this.liveItems = liveItems;
        this.liveRate = liveRate;
        backlogPublished = now.AddDays(-3);
    }

    public string BaseUrl { get; private set; } = "";

    public int BacklogFeedCount => (backlog + ItemsPerBacklogFeed - 1) / ItemsPerBacklogFeed;

    public static async Task<SyntheticFeeds> StartAsync(int backlog, double backlogOnTopicShare, int liveItems, double liveRate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var feeds = new SyntheticFeeds(app, backlog, backlogOnTopicShare, liveItems, liveRate, DateTimeOffset.UtcNow);
        app.MapGet("/backlog/{feed:int}.xml", (int feed, HttpContext context) => feeds.Backlog(feed, context));
        app.MapGet("/live.xml", (HttpContext context) => feeds.Live(context));
        await app.StartAsync();
        feeds.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return feeds;
    }

    /// <summary>Live item <paramref name="index"/> appears in the live feed at this instant.</summary>
    public DateTimeOffset PublishedAt(int index) => liveStarted!.Value + TimeSpan.FromSeconds(index / liveRate);

    public DateTimeOffset LiveStarted => liveStarted ?? throw new InvalidOperationException("The live feed has not started.");

    public void StartLive() => liveStarted = DateTimeOffset.UtcNow;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    /// <summary>The live item's index from a URL the email shows, or -1.</summary>
    public static int LiveIndex(string text)
    {
        var at = text.IndexOf("/live/", StringComparison.Ordinal);
        if (at < 0)
        {
            return -1;
        }

        var digits = text.AsSpan(at + 6);
        var length = 0;
        while (length < digits.Length && char.IsAsciiDigit(digits[length]))
        {
            length++;
        }

        return int.TryParse(digits[..length], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
    }

    private IResult Backlog(int feed, HttpContext context)
    {
        if (feed < 0 || feed >= BacklogFeedCount)
        {
            return Results.NotFound();
        }

        // Static content: later fetches get 304, as a real feed that has not changed answers.
        var etag = $"\"backlog-{feed}\"";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            return Results.StatusCode((int)HttpStatusCode.NotModified);
        }

        var xml = backlogFeeds.GetOrAdd(feed, f =>
        {
            var first = f * ItemsPerBacklogFeed;
            var items = Enumerable.Range(first, Math.Min(ItemsPerBacklogFeed, backlog - first)).Select(i =>
            {
                var random = new Random(i);
                var onTopic = random.NextDouble() < backlogOnTopicShare;
                // Older news: three days back, a minute apart.
                return Item($"{BaseUrl}/backlog-article/{i}", backlogPublished.AddMinutes(-i), onTopic ? OnTopic(i + 1_000_000, random) : OffTopic(random));
            });
            return Rss($"Backlog wire {f}", items);
        });
        context.Response.Headers.ETag = etag;
        return Results.Text(xml, "application/rss+xml", Encoding.UTF8);
    }

    private IResult Live(HttpContext context)
    {
        var now = DateTimeOffset.UtcNow;
        var published = liveStarted is null ? 0 : Math.Min(liveItems, (int)Math.Floor((now - liveStarted.Value).TotalSeconds * liveRate) + 1);
        // Newest first, as feeds list them; the fetcher stores what it has not seen.
        var items = Enumerable.Range(0, published).Reverse().Take(100)
            .Select(i => Item($"{BaseUrl}/live/{i}", PublishedAt(i), OnTopic(i, new Random(-1 - i))));
        return Results.Text(Rss("Live wire", items), "application/rss+xml", Encoding.UTF8);
    }

    private static string Rss(string title, IEnumerable<string> items)
        => $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>{title}</title><link>http://127.0.0.1/</link><description>Synthetic benchmark feed</description>
            {string.Concat(items)}
            </channel></rss>
            """;

    private static string Item(string url, DateTimeOffset published, (string Title, IReadOnlyList<string> Paragraphs) article)
        => $"""
            <item><title>{SecurityElement.Escape(article.Title)}</title><link>{url}</link><guid>{url}</guid>
            <pubDate>{published.ToString("r", CultureInfo.InvariantCulture)}</pubDate>
            <content:encoded><![CDATA[{string.Concat(article.Paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))}]]></content:encoded></item>

            """;

    /// <summary>One quotation by a defence official of a name nobody else has, on U.S. military action in Mexico, then
    /// off-topic paragraphs: one new on-topic statement.</summary>
    internal static (string Title, IReadOnlyList<string> Paragraphs) OnTopic(int seed, Random random)
    {
        var (first, last) = Name(seed);
        var days = 2 + (seed % 89);
        var paragraphs = new List<string>
        {
            $"Defense Secretary {first} {last} spoke to reporters at the Pentagon on {Pick(random, Days)}.",
            $"\u201CWe will not wait for another attack on our border, and the military is ready to act in Mexico within {days} days,\u201D {last} said.",
        };
        paragraphs.AddRange(Filler(random, 4));
        return ($"{last} says the military is ready to act in Mexico", paragraphs);
    }

    /// <summary>Mostly what feeds carry: local, business and weather news that says nothing on the topic.</summary>
    internal static (string Title, IReadOnlyList<string> Paragraphs) OffTopic(Random random)
    {
        var paragraphs = Filler(random, 6);
        return ($"{Made(random)} {Pick(random, Verbs)} {Pick(random, Objects)} in {Pick(random, Towns)}", paragraphs);
    }

    // Surnames from syllables: 24 × 24 × 24 distinct, none a real person's on purpose.
    private static readonly string[] Syllables =
        ["ka", "lo", "mer", "ta", "vin", "do", "sa", "rel", "bo", "qui", "nar", "te", "fa", "gus", "li", "mo", "pra", "den", "zo", "hal", "ri", "cen", "tor", "wa"];

    private static readonly string[] FirstNames =
        ["Alma", "Bruno", "Celia", "Dario", "Elena", "Felix", "Greta", "Hugo", "Irene", "Jonas", "Karla", "Leon", "Marta", "Nico", "Olga", "Pablo"];

    private static (string First, string Last) Name(int seed)
    {
        var n = seed % (Syllables.Length * Syllables.Length * Syllables.Length);
        var last = Syllables[n % 24] + Syllables[n / 24 % 24] + Syllables[n / 576 % 24];
        return (FirstNames[seed / 7 % FirstNames.Length], char.ToUpperInvariant(last[0]) + last[1..]);
    }

    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    private static readonly string[] Verbs = ["approves", "opens", "delays", "expands", "reviews", "celebrates", "plans", "postpones"];
    private static readonly string[] Objects = ["bus routes", "festivals", "budgets", "schemes", "hours", "roofs", "orchestras", "bridges"];
    private static readonly string[] Towns = ["Millbrook", "Eastfield", "Harlow Bay", "Pine Ridge", "Oakmont", "Riverton", "Westgate", "Silver Lake"];
    private static readonly string[] Details =
        ["after {0} debates", "despite {0} storms", "with {0} volunteers", "before {0} season", "after {0} surveys", "for {0} dollars", "for {0} residents", "over {0} weeks"];

    // Every three words hold a made-up name, so two articles share no word shingle and neither is taken for a
    // near-copy of the other (the fetcher's SimHash would merge texts drawn from one small vocabulary).
    private static List<string> Filler(Random random, int paragraphs)
        => [.. Enumerable.Range(0, paragraphs).Select(_ => string.Join(' ', Enumerable.Range(0, 4).Select(_ =>
            $"{Made(random)} {Pick(random, Verbs)} {Made(random)} {Pick(random, Objects)} near {Made(random)} in {Pick(random, Towns)} "
            + string.Format(CultureInfo.InvariantCulture, Pick(random, Details), $"{random.Next(2, 90_000)} {Made(random)}") + ".")))];

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    private static string Made(Random random)
    {
        var name = Pick(random, Syllables) + Pick(random, Syllables) + Pick(random, Syllables);
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}
