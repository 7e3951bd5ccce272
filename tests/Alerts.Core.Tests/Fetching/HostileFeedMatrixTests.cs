using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Alerts.Fetching;
using Alerts.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Alerts.Tests.Fetching;

/// <summary>Fault matrix, hostile feeds: every hostile source of the matrix in one fetch run beside two honest ones.
/// Each hostile source fails with its own failure kind and a reason the warning (event 1002) names, the honest feeds
/// are stored in full, a 50 MB article page costs only its item's page, and memory stays flat.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class HostileFeedMatrixTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;
    private LocalHttpServer server = null!;

    public async Task InitializeAsync() => server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    /// <summary>Source, what the server does, and the failure with a phrase its reason must hold.</summary>
    private (string Name, FetchFailure Failure, string Reason)[] MapHostileSources()
    {
        server.MapContent("/xxe", """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>&secret;</title></channel></rss>
            """, "application/rss+xml");
        server.MapContent("/laughs", """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <rss version="2.0"><channel><title>&lol3;</title></channel></rss>
            """, "application/rss+xml");
        server.MapContent("/remote-dtd", $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "{server.Url("/evil.dtd")}">
            <rss version="2.0"><channel><title>&remote;</title></channel></rss>
            """, "application/rss+xml");
        server.MapContent("/evil.dtd", """<!ENTITY remote "fetched">""", "application/xml-dtd");
        var bomb = GzipOfSpaces(64 * 1024 * 1024);
        server.Map("/gzip-bomb", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = bomb.Length;
            await context.Response.Body.WriteAsync(bomb, context.RequestAborted);
        });
        server.Map("/50mb-with-length", context => WriteBytesAsync(context, FiftyMegabytes, announce: true));
        server.Map("/50mb-chunked", context => WriteBytesAsync(context, FiftyMegabytes, announce: false));
        server.Map("/endless-chunked", context => WriteBytesAsync(context, long.MaxValue, announce: false));
        server.Map("/slow-drip", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel>", context.RequestAborted);
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.WriteAsync("<", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(100, context.RequestAborted);
            }
        });
        server.Map("/reset", context =>
        {
            // Headers and part of a body, then the connection is torn down.
            context.Abort();
            return Task.CompletedTask;
        });
        Redirect("/to-file", "file:///etc/passwd");
        Redirect("/to-gopher", "gopher://127.0.0.1:70/1");
        Redirect("/to-link-local", "http://169.254.169.254/latest/meta-data/");
        Redirect("/loop-a", server.Url("/loop-b").AbsoluteUri);
        Redirect("/loop-b", server.Url("/loop-a").AbsoluteUri);
        return
        [
            ("xxe", FetchFailure.NotAFeed, "DTD is not allowed"),
            ("laughs", FetchFailure.NotAFeed, "DTD is not allowed"),
            ("remote-dtd", FetchFailure.NotAFeed, "DTD is not allowed"),
            ("gzip-bomb", FetchFailure.TooLarge, "5242880"),
            ("50mb-with-length", FetchFailure.TooLarge, "5242880"),
            ("50mb-chunked", FetchFailure.TooLarge, "5242880"),
            ("endless-chunked", FetchFailure.TooLarge, "5242880"),
            ("slow-drip", FetchFailure.Timeout, ""),
            ("reset", FetchFailure.Network, ""),
            ("to-file", FetchFailure.BadRedirect, "file"),
            ("to-gopher", FetchFailure.BadRedirect, "gopher"),
            ("to-link-local", FetchFailure.Refused, "169.254.169.254"),
            ("loop-a", FetchFailure.BadRedirect, "loop"),
        ];
    }

    [Fact]
    public async Task RunAsync_EveryHostileFeedOfTheMatrixInOneRun_EachFailsWithItsReasonAndTheHonestFeedsAreStored()
    {
        var hostile = MapHostileSources();
        var honest = Enumerable.Range(0, 3).Select(i => ServePage($"/honest/story-{i}")).ToList();
        server.MapContent("/honest", TestFeeds.Rss(honest.Select((p, i) => new TestItem($"Honest story {i}", p, "Teaser.", TestFeeds.Date.AddMinutes(i)))), "application/rss+xml");
        // A feed whose one article page is 50 MB: that item keeps its feed text, the feed's other item is stored whole.
        var small = ServePage("/big-page/small");
        var bigPage = server.Url("/big-page/huge");
        server.Map("/big-page/huge", context => WriteBytesAsync(context, FiftyMegabytes, announce: false, "text/html"));
        server.MapContent("/big-page", TestFeeds.Rss([
            new TestItem("Small page", small, "Teaser.", TestFeeds.Date),
            new TestItem("Huge page", bigPage, "Only the teaser of the huge page.", TestFeeds.Date.AddMinutes(1))]), "application/rss+xml");
        var sources = hostile.Select(h => (Name: h.Name, Url: server.Url("/" + h.Name)))
            .Append(("honest", server.Url("/honest"))).Append(("big-page", server.Url("/big-page"))).ToArray();
        var settings = FetchHarness.Sources(sources);
        settings["Fetch:RequestTimeout"] = "00:00:02";
        settings["Fetch:MaxConcurrentSources"] = "8";
        await using var harness = FetchHarness.Create(azurite.ConnectionString, settings);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();

        var report = await harness.RunAsync();

        clock.Stop();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"{hostile.Length} hostile sources, 2 honest; run {clock.Elapsed.TotalSeconds:F1} s; managed heap {heapBefore / 1048576.0:F0} MB before, " +
            $"{heapAfter / 1048576.0:F0} MB after; test process peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MB");
        foreach (var (name, failure, reason) in hostile)
        {
            var source = Assert.Single(report.Details, d => d.Source == name);
            output.WriteLine($"  {name}: {source.Failure}: {source.Reason}");
            Assert.Equal((SourceStatus.Failed, failure), (source.Status, source.Failure));
            Assert.Contains(reason, source.Reason, StringComparison.Ordinal);
            Assert.Contains(harness.Logs.Entries, e => e.EventId == 1002 && e.Message.StartsWith($"Source {name} ", StringComparison.Ordinal)
                && e.Message.Contains($"{failure}: ", StringComparison.Ordinal) && e.Message.Contains(reason, StringComparison.Ordinal));
        }

        Assert.Equal(0, server.CountRequests("/evil.dtd"));
        Assert.Equal(3, Assert.Single(report.Details, d => d.Source == "honest").Stored);
        foreach (var page in honest)
        {
            Assert.NotNull(await harness.ArticleAtAsync(page));
        }

        Assert.Equal(2, Assert.Single(report.Details, d => d.Source == "big-page").Stored);
        var huge = await harness.ArticleAtAsync(bigPage);
        Assert.NotNull(huge);
        Assert.Equal("Only the teaser of the huge page.", huge.Text);
        Assert.Contains("TooLarge", huge.TextNote, StringComparison.Ordinal);
        // Flat: no body past the 5 MB limit is held, so the heap does not grow by the 50 MB bodies (or the 64 MB bomb).
        Assert.True(heapAfter - heapBefore < 32 * 1024 * 1024, $"managed heap grew by {(heapAfter - heapBefore) / 1048576.0:F0} MB");
    }

    private Uri ServePage(string path)
    {
        server.MapContent(path, TestFeeds.Page("Page " + path, TestFeeds.Story()), "text/html; charset=utf-8");
        return server.Url(path);
    }

    private void Redirect(string path, string location) => server.Map(path, context =>
    {
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    private static async Task WriteBytesAsync(HttpContext context, long length, bool announce, string contentType = "application/rss+xml")
    {
        context.Response.ContentType = contentType;
        if (announce)
        {
            context.Response.ContentLength = length;
        }

        var chunk = Encoding.ASCII.GetBytes("<rss version=\"2.0\"><channel>" + new string(' ', 64 * 1024 - 28));
        try
        {
            for (long sent = 0; sent < length && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - sent)), context.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The fetcher hung up, as it should.
        }
    }

    private static byte[] GzipOfSpaces(int length)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize))
        {
            gzip.Write(Encoding.ASCII.GetBytes("<rss version=\"2.0\"><channel><title>"));
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var written = 0; written < length; written += spaces.Length)
            {
                gzip.Write(spaces);
            }
        }

        return compressed.ToArray();
    }
}
