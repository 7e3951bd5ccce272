using System.IO.Compression;
using System.Text;
using Alerts.Fetching;
using Alerts.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Alerts.Tests.Fetching;

/// <summary>The HTTP side of fetching against a real server on 127.0.0.1: redirects, size caps, slow servers, retries.</summary>
public sealed class FeedDownloaderTests : IAsyncLifetime
{
    private const string Feed = """<rss version="2.0"><channel><title>t</title></channel></rss>""";

    private LocalHttpServer server = null!;

    public async Task InitializeAsync() => server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static FetchHarness CreateSut(Dictionary<string, string?>? settings = null) => FetchHarness.Create(null, settings ?? []);

    private async Task<FetchFailedException> FailsAsync(string path, Dictionary<string, string?>? settings = null)
    {
        await using var harness = CreateSut(settings);
        return await Assert.ThrowsAsync<FetchFailedException>(() => harness.Downloader.GetAsync(server.Url(path), null, CancellationToken.None));
    }

    private void Redirect(string from, string to, int status = 302) => server.Map(from, context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = to;
        return Task.CompletedTask;
    });

    [Fact]
    public async Task GetAsync_FiveRedirects_FollowsThemAndReportsTheFinalUrl()
    {
        for (var i = 0; i < 5; i++)
        {
            Redirect($"/r{i}", i % 2 == 0 ? $"/r{i + 1}" : server.Url($"r{i + 1}").AbsoluteUri, i % 2 == 0 ? 301 : 307);
        }
        server.MapContent("/r5", Feed, "application/rss+xml");
        await using var harness = CreateSut();

        var download = await harness.Downloader.GetAsync(server.Url("r0"), null, CancellationToken.None);

        Assert.Equal(server.Url("r5"), download.Url);
        Assert.Equal(Feed, Encoding.UTF8.GetString(download.Body));
    }

    [Fact]
    public async Task GetAsync_SixRedirects_FailsWithTooManyRedirects()
    {
        for (var i = 0; i < 6; i++)
        {
            Redirect($"/r{i}", $"/r{i + 1}");
        }
        server.MapContent("/r6", Feed, "application/rss+xml");

        var failure = await FailsAsync("r0");

        Assert.Equal(FetchFailure.TooManyRedirects, failure.Failure);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/feed.xml")]
    [InlineData("gopher://127.0.0.1:70/_secret")]
    [InlineData("javascript:alert(1)")]
    public async Task GetAsync_RedirectToNonHttpScheme_FailsWithBadRedirect(string location)
    {
        Redirect("/feed", location);

        var failure = await FailsAsync("feed");

        Assert.Equal(FetchFailure.BadRedirect, failure.Failure);
        Assert.Contains("non-HTTP scheme", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_RedirectLoop_FailsWithBadRedirect()
    {
        Redirect("/a", "/b");
        Redirect("/b", "/a");

        var failure = await FailsAsync("a");

        Assert.Equal(FetchFailure.BadRedirect, failure.Failure);
        Assert.Contains("loop", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_AnnouncedLengthOverLimit_FailsWithTooLargeBeforeReading()
    {
        server.MapBytes("/big", new byte[2 * 1024 * 1024], "application/xml");

        var failure = await FailsAsync("big", new() { ["Fetch:MaxResponseBytes"] = "1048576" });

        Assert.Equal(FetchFailure.TooLarge, failure.Failure);
    }

    [Fact]
    public async Task GetAsync_ChunkedBodyOverDefaultLimit_FailsWithTooLarge()
    {
        server.Map("/endless-big", async context =>
        {
            context.Response.ContentType = "application/xml";
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (var i = 0; i < 200 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });

        var failure = await FailsAsync("endless-big");

        Assert.Equal(FetchFailure.TooLarge, failure.Failure);
        Assert.Contains("5242880", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_GzipBomb_FailsWithTooLargeCountingDecompressedBytes()
    {
        var bomb = GzipOfZeros(64 * 1024 * 1024);
        Assert.True(bomb.Length < 200 * 1024);
        server.Map("/bomb", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = bomb.Length;
            await context.Response.Body.WriteAsync(bomb, context.RequestAborted);
        });

        var failure = await FailsAsync("bomb");

        Assert.Equal(FetchFailure.TooLarge, failure.Failure);
    }

    [Fact]
    public async Task GetAsync_GzipEncodedFeed_IsDecompressed()
    {
        server.Map("/gz", async context =>
        {
            var body = Gzip(Encoding.UTF8.GetBytes(Feed));
            context.Response.ContentType = "application/rss+xml";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });
        await using var harness = CreateSut();

        var download = await harness.Downloader.GetAsync(server.Url("gz"), null, CancellationToken.None);

        Assert.Equal(Feed, Encoding.UTF8.GetString(download.Body));
    }

    [Fact]
    public async Task GetAsync_BodyThatIsNotTheGzipItClaims_FailsWithCorruptBody()
    {
        server.Map("/fake-gz", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.WriteAsync(Feed);
        });

        var failure = await FailsAsync("fake-gz");

        Assert.Equal(FetchFailure.CorruptBody, failure.Failure);
    }

    [Fact]
    public async Task GetAsync_EndlessSlowBody_FailsWithTimeout()
    {
        server.Map("/slow", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel>", context.RequestAborted);
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.WriteAsync(" ", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(50, context.RequestAborted);
            }
        });

        var failure = await FailsAsync("slow", new() { ["Fetch:RequestTimeout"] = "00:00:01" });

        Assert.Equal(FetchFailure.Timeout, failure.Failure);
        Assert.Equal(1, server.CountRequests("slow"));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task GetAsync_TransientStatusThenSuccess_Retries(int status)
    {
        var calls = 0;
        server.Map("/flaky", async context =>
        {
            if (Interlocked.Increment(ref calls) <= 2)
            {
                context.Response.StatusCode = status;
                return;
            }
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(Feed);
        });
        await using var harness = CreateSut();

        var download = await harness.Downloader.GetAsync(server.Url("flaky"), null, CancellationToken.None);

        Assert.Equal(Feed, Encoding.UTF8.GetString(download.Body));
        Assert.Equal(3, server.CountRequests("flaky"));
    }

    [Fact]
    public async Task GetAsync_NotFound_FailsWithoutRetrying()
    {
        var failure = await FailsAsync("missing");

        Assert.Equal(FetchFailure.HttpStatus, failure.Failure);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Equal(1, server.CountRequests("missing"));
    }

    [Fact]
    public async Task GetAsync_AlwaysFailing_GivesUpAfterMaxRetries()
    {
        server.Map("/down", context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });

        var failure = await FailsAsync("down", new() { ["Fetch:MaxRetries"] = "3" });

        Assert.Equal(FetchFailure.HttpStatus, failure.Failure);
        Assert.Equal(4, server.CountRequests("down"));
    }

    [Fact]
    public async Task GetAsync_RetryAfter_IsReadAndHonoured()
    {
        var calls = 0;
        server.Map("/limited", async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return;
            }
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(Feed);
        });
        await using var harness = CreateSut();

        var download = await harness.Downloader.GetAsync(server.Url("limited"), null, CancellationToken.None);

        Assert.False(download.NotModified);
        var retry = Assert.Single(harness.Logs.Entries, e => e.EventId == 1013);
        Assert.Contains("00:00:01", retry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_RetryAfterBeyondLimit_FailsAtOnceWithTheServersWait()
    {
        server.Map("/go-away", context =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = "3600";
            return Task.CompletedTask;
        });

        var failure = await FailsAsync("go-away");

        Assert.Equal(TimeSpan.FromHours(1), failure.RetryAfter);
        Assert.Equal(1, server.CountRequests("go-away"));
    }

    [Fact]
    public async Task GetAsync_ConnectionRefused_FailsWithNetwork()
    {
        await using var harness = CreateSut(new() { ["Fetch:MaxRetries"] = "0" });

        var failure = await Assert.ThrowsAsync<FetchFailedException>(
            () => harness.Downloader.GetAsync(new Uri("http://127.0.0.1:9/feed"), null, CancellationToken.None));

        Assert.Equal(FetchFailure.Network, failure.Failure);
    }

    [Fact]
    public async Task GetAsync_HostKeepsFailing_OpensTheCircuitAndLogsItOnce()
    {
        server.Map("/down", context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        await using var harness = CreateSut(new() { ["Fetch:MaxRetries"] = "0", ["Fetch:BreakDuration"] = "00:10:00" });

        var failures = new List<FetchFailure>();
        for (var i = 0; i < 8; i++)
        {
            var e = await Assert.ThrowsAsync<FetchFailedException>(() => harness.Downloader.GetAsync(server.Url("down"), null, CancellationToken.None));
            failures.Add(e.Failure);
        }

        Assert.Equal(5, server.CountRequests("down"));
        Assert.Equal([.. Enumerable.Repeat(FetchFailure.HttpStatus, 5), .. Enumerable.Repeat(FetchFailure.CircuitOpen, 3)], failures);
        Assert.Equal(1, harness.Logs.Count(1011));
    }

    [Fact]
    public async Task GetAsync_WithValidators_SendsThemAndReads304AsNotModified()
    {
        server.Map("/cached", context =>
        {
            context.Response.StatusCode = 304;
            context.Response.Headers.ETag = "\"v2\"";
            return Task.CompletedTask;
        });
        await using var harness = CreateSut();

        var download = await harness.Downloader.GetAsync(server.Url("cached"), new CacheValidators("\"v1\"", "Sat, 14 Mar 2026 09:30:00 GMT"), CancellationToken.None);

        Assert.True(download.NotModified);
        Assert.Equal("\"v2\"", download.Validators.ETag);
        var request = Assert.Single(server.Requests);
        Assert.Equal("\"v1\"", request.Header("If-None-Match"));
        Assert.Equal("Sat, 14 Mar 2026 09:30:00 GMT", request.Header("If-Modified-Since"));
    }

    private static byte[] GzipOfZeros(int size)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1024 * 1024];
            for (var written = 0; written < size; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }
        return output.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }
        return output.ToArray();
    }
}
