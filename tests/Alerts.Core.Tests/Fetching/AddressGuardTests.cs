using System.Net;
using Alerts.Fetching;
using Alerts.Tests.Infrastructure;

namespace Alerts.Tests.Fetching;

/// <summary>The SSRF guard in the fetcher's ConnectCallback. Names resolve through <see cref="RecordingNetwork"/>, which
/// records every connect and reaches only loopback: a refusal is proven by an empty connect log, not by a timeout.</summary>
public sealed class AddressGuardTests : IAsyncLifetime
{
    private const string Feed = """<rss version="2.0"><channel><title>t</title></channel></rss>""";

    private LocalHttpServer server = null!;

    public async Task InitializeAsync() => server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static FetchHarness CreateSut(RecordingNetwork network, Dictionary<string, string?>? settings = null)
        => FetchHarness.Create(null, settings ?? [], network: network);

    private static async Task<FetchFailedException> FailsAsync(FetchHarness harness, string url)
        => await Assert.ThrowsAsync<FetchFailedException>(() => harness.Downloader.GetAsync(new Uri(url), null, CancellationToken.None));

    private void Redirect(string from, string to) => server.Map(from, context =>
    {
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = to;
        return Task.CompletedTask;
    });

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.5.4")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("127.0.0.2")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a00:1")]
    public async Task GetAsync_NameResolvingToNonPublicAddress_IsRefusedBeforeAnyConnection(string address)
    {
        var network = new RecordingNetwork().Resolve("inward.test", address);
        await using var harness = CreateSut(network);

        var failure = await FailsAsync(harness, "http://inward.test/latest/meta-data/");

        Assert.Equal(FetchFailure.Refused, failure.Failure);
        Assert.Contains($"inward.test resolves to {IPAddress.Parse(address)}, which is not public", failure.Message, StringComparison.Ordinal);
        Assert.Empty(network.Connects);
        Assert.Equal(1, harness.Logs.Count(1019));
    }

    [Theory]
    [InlineData("http://2130706433/", "127.0.0.1")]
    [InlineData("http://0x7f.1/", "127.0.0.1")]
    [InlineData("http://017700000001/", "127.0.0.1")]
    [InlineData("http://[::1]/", "::1")]
    [InlineData("http://[::ffff:127.0.0.1]/", "127.0.0.1")]
    [InlineData("http://10.0.0.1/", "10.0.0.1")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    [InlineData("https://[fe80::1]/", "fe80::1")]
    public async Task GetAsync_AddressLiteralInAnySpelling_IsRefusedBeforeAnyConnection(string url, string address)
    {
        var network = new RecordingNetwork();
        // Only a name is allowed here, so the loopback spellings are judged by their address.
        await using var harness = CreateSut(network, new() { ["Fetch:AllowedPrivateHosts:0"] = "feeds.lan.test" });

        var failure = await FailsAsync(harness, url);

        Assert.Equal(FetchFailure.Refused, failure.Failure);
        Assert.Contains($"{IPAddress.Parse(address)}", failure.Message, StringComparison.Ordinal);
        Assert.Empty(network.Connects);
        Assert.Empty(network.Resolved);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://127.0.0.2:{port}/secret")]
    [InlineData("http://inward.test/")]
    public async Task GetAsync_AllowedServerRedirectsInward_IsRefusedOnceAndNeverRetried(string target)
    {
        Redirect("/feed", target.Replace("{port}", $"{server.BaseUri.Port}", StringComparison.Ordinal));
        var network = new RecordingNetwork().Resolve("inward.test", "10.0.0.1");
        await using var harness = CreateSut(network, new() { ["Fetch:MaxRetries"] = "3" });

        var failure = await FailsAsync(harness, server.Url("feed").AbsoluteUri);

        Assert.Equal(FetchFailure.Refused, failure.Failure);
        Assert.False(failure.IsTransient);
        Assert.Equal(1, server.CountRequests("feed"));
        Assert.All(network.Connects, endPoint => Assert.Equal(new IPEndPoint(IPAddress.Loopback, server.BaseUri.Port), endPoint));
    }

    [Fact]
    public async Task GetAsync_NameWithOnePublicAndOnePrivateAddress_IsRefused()
    {
        var network = new RecordingNetwork().Resolve("mixed.test", "93.184.216.34", "10.0.0.1");
        await using var harness = CreateSut(network);

        var failure = await FailsAsync(harness, "http://mixed.test/feed");

        Assert.Equal(FetchFailure.Refused, failure.Failure);
        Assert.Empty(network.Connects);
    }

    [Fact]
    public async Task GetAsync_PublicName_ConnectsToTheAddressItVetted()
    {
        // The test network reaches only loopback, so this connect is recorded and then fails as unreachable.
        var network = new RecordingNetwork().Resolve("news.test", "93.184.216.34");
        await using var harness = CreateSut(network, new() { ["Fetch:MaxRetries"] = "0" });

        var failure = await FailsAsync(harness, "http://news.test/feed");

        Assert.Equal(FetchFailure.Network, failure.Failure);
        Assert.Equal([new IPEndPoint(IPAddress.Parse("93.184.216.34"), 80)], network.Connects);
        Assert.Equal(["news.test"], network.Resolved);
    }

    [Fact]
    public async Task GetAsync_NameInAllowedNetwork_IsFetched()
    {
        server.MapContent("/feed", Feed, "application/rss+xml");
        var network = new RecordingNetwork().Resolve("intranet.test", "127.0.0.1");
        await using var harness = CreateSut(network, new()
        {
            ["Fetch:AllowedPrivateHosts:0"] = "other.test",
            ["Fetch:AllowedPrivateNetworks:0"] = "127.0.0.0/8",
        });

        var download = await harness.Downloader.GetAsync(new Uri($"http://intranet.test:{server.BaseUri.Port}/feed"), null, CancellationToken.None);

        Assert.False(download.NotModified);
        Assert.Equal(1, server.CountRequests("feed"));
    }

    [Fact]
    public async Task GetAsync_AddressInAllowedNetwork_PassesTheGuard()
    {
        var network = new RecordingNetwork().Resolve("wiki.corp.test", "10.1.2.3").Resolve("db.corp.test", "10.2.0.1");
        await using var harness = CreateSut(network, new() { ["Fetch:AllowedPrivateNetworks:0"] = "10.1.0.0/16", ["Fetch:MaxRetries"] = "0" });

        var allowed = await FailsAsync(harness, "http://wiki.corp.test/feed");
        var refused = await FailsAsync(harness, "http://db.corp.test/feed");

        // The guard let 10.1.2.3 through to the (loopback-only) network, which could not reach it; 10.2.0.1 never got there.
        Assert.Equal(FetchFailure.Network, allowed.Failure);
        Assert.Equal(FetchFailure.Refused, refused.Failure);
        Assert.Equal([new IPEndPoint(IPAddress.Parse("10.1.2.3"), 80)], network.Connects);
    }

    [Fact]
    public async Task GetAsync_AllowedHostName_IsFetchedWhateverItResolvesTo()
    {
        server.MapContent("/feed", Feed, "application/rss+xml");
        var network = new RecordingNetwork().Resolve("feeds.lan.test", "127.0.0.1");
        await using var harness = CreateSut(network, new() { ["Fetch:AllowedPrivateHosts:0"] = "FEEDS.lan.test" });

        await harness.Downloader.GetAsync(new Uri($"http://feeds.lan.test:{server.BaseUri.Port}/feed"), null, CancellationToken.None);
        var other = await FailsAsync(harness, server.Url("feed").AbsoluteUri);

        Assert.Equal(1, server.CountRequests("feed"));
        Assert.Equal(FetchFailure.Refused, other.Failure);
    }
}
