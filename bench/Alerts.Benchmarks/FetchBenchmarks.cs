using System.Globalization;
using System.Net;
using System.Text;
using Alerts.Articles;
using Alerts.Fetching;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Benchmarks;

/// <summary>
/// FetchArticles over one feed of 1,000 full-text items served by Kestrel on 127.0.0.1, stored into Azurite (in
/// memory, started here from the repository's node_modules). Memory figures cover the whole process: the feed server,
/// the HTTP client, parsing, the Azure SDK and this stage. <see cref="ParseAndHash1000Items"/> is the CPU-only part.
/// </summary>
[MemoryDiagnoser]
public class FetchBenchmarks
{
    private const int Items = 1000;
    private static readonly string[] Vocabulary = ("harbour council minister border river shipment budget inquiry storm festival court railway " +
        "mayor drought market treaty school hospital bridge election farmers fishermen teachers nurses engineers voted rejected " +
        "approved delayed opened yesterday quietly again despite after before during because although while ferry customs " +
        "patrol senator governor cartel troops navy exports tariffs pipeline refinery strike union wages protest police").Split(' ');

    private Azurite? azurite;
    private WebApplication? server;
    private ServiceProvider? services;
    private FetchArticlesStep? step;
    private byte[] feed = [];
    private int iteration;
    private Uri feedUrl = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        azurite = await Azurite.StartAsync();
        // Should the run die before [GlobalCleanup], Azurite must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().Wait();
        var connection = azurite.ConnectionString;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        server = builder.Build();
        server.Run(async context =>
        {
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.Body.WriteAsync(feed);
        });
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        feedUrl = new Uri(address + "/feed");

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PipelineNames.StorageConnection] = connection,
            ["Fetch:Sources:0:Name"] = "Benchmark feed",
            ["Fetch:Sources:0:Url"] = feedUrl.AbsoluteUri,
            ["Fetch:MaxItemsPerSource"] = $"{Items}",
            // The items carry their full text, as most news feeds with content:encoded do: no page fetches.
            ["Fetch:FullTextBelowChars"] = "0",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        collection.AddAlertsStorage(configuration);
        collection.AddAlertsFetching(configuration);
        services = collection.BuildServiceProvider();
        await services.GetRequiredService<BlobDocumentStore>().EnsureContainersAsync(CancellationToken.None);
        step = services.GetRequiredService<FetchArticlesStep>();
    }

    [IterationSetup]
    public void NewFeed() => feed = Encoding.UTF8.GetBytes(Feed(Interlocked.Increment(ref iteration)));

    [Benchmark]
    public async Task<int> FetchAndStore1000Items()
    {
        var report = await step!.RunAsync(CancellationToken.None);
        return report.Stored == Items
            ? report.Stored
            : throw new InvalidOperationException($"Stored {report.Stored} of {Items} ({report.FailedSources} failed sources, {report.Syndicated} syndicated).");
    }

    [Benchmark]
    public int ParseAndHash1000Items()
    {
        var parsed = new FeedParser().Parse(feed, "application/rss+xml; charset=utf-8", feedUrl);
        var total = 0;
        foreach (var item in parsed.Items)
        {
            var text = item.ContentText ?? "";
            total += CanonicalUrl.BlobName(CanonicalUrl.Normalize(item.Link)).Length + ContentHash.Of(text).Length
                + (int)(ContentHash.Fingerprint(text) & 1);
        }
        return total;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }
        if (server is not null)
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    private static string Feed(int run)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Bench</title>\n");
        var date = new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Items; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"<item><title>Story {run}-{i}: harbour &amp; council</title>")
                .Append(CultureInfo.InvariantCulture, $"<link>https://news.bench.example/{run}/story-{i}?utm_source=rss</link>")
                .Append(CultureInfo.InvariantCulture, $"<pubDate>{date.AddMinutes(-i).ToString("R", CultureInfo.InvariantCulture)}</pubDate>")
                .Append("<description>A short teaser of the story.</description><content:encoded><![CDATA[");
            for (var p = 0; p < 5; p++)
            {
                text.Append("<p>");
                for (var w = 0; w < 60; w++)
                {
                    text.Append(Vocabulary[(uint)HashCode.Combine(run, i, p, w) % Vocabulary.Length]).Append(' ');
                }
                text.Append(CultureInfo.InvariantCulture, $"({run}-{i}-{p}).</p>");
            }
            text.Append("]]></content:encoded></item>\n");
        }
        return text.Append("</channel></rss>").ToString();
    }
}
