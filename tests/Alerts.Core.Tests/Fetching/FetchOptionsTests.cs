using Alerts.Fetching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alerts.Tests.Fetching;

public sealed class FetchOptionsTests
{
    private static async Task<string> StartUpErrorAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAlertsFetching(builder.Configuration);
        using var host = builder.Build();
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        return exception.Message;
    }

    [Fact]
    public async Task StartUp_SourceWithBadUrl_NamesTheSource()
    {
        var message = await StartUpErrorAsync(new()
        {
            ["Fetch:Sources:0:Name"] = "Good",
            ["Fetch:Sources:0:Url"] = "https://example.test/rss",
            ["Fetch:Sources:1:Name"] = "Harbour Gazette",
            ["Fetch:Sources:1:Url"] = "file:///etc/passwd",
        });

        Assert.Contains("Fetch:Sources:1 ('Harbour Gazette'): Url must be an absolute http or https URL.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("'Good'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fetch:AllowedPrivateNetworks:0", "10.1.0.0/33", "Fetch:AllowedPrivateNetworks:0 '10.1.0.0/33' is not a CIDR range")]
    [InlineData("Fetch:AllowedPrivateNetworks:0", "intranet", "Fetch:AllowedPrivateNetworks:0 'intranet' is not a CIDR range")]
    [InlineData("Fetch:AllowedPrivateNetworks:0", "10.1.2.3/16", "Fetch:AllowedPrivateNetworks:0 '10.1.2.3/16' has bits set beyond its prefix; the range is 10.1.0.0/16")]
    [InlineData("Fetch:AllowedPrivateHosts:0", "http://10.0.0.1:8080/", "Fetch:AllowedPrivateHosts:0 'http://10.0.0.1:8080/' must be a host name or an IP address")]
    public async Task StartUp_BadPrivateAllowance_NamesTheSetting(string setting, string value, string expected)
    {
        var message = await StartUpErrorAsync(new()
        {
            ["Fetch:Sources:0:Name"] = "Wire",
            ["Fetch:Sources:0:Url"] = "https://example.test/rss",
            [setting] = value,
        });

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUp_RunTimeoutShorterThanSourceTimeout_NamesBothSettings()
    {
        var message = await StartUpErrorAsync(new()
        {
            ["Fetch:Sources:0:Name"] = "Wire",
            ["Fetch:Sources:0:Url"] = "https://example.test/rss",
            ["Fetch:SourceTimeout"] = "00:03:00",
            ["Fetch:RunTimeout"] = "00:02:00",
        });

        Assert.Contains("Fetch:RunTimeout must not be shorter than Fetch:SourceTimeout.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AllowNoPrivateAddress()
    {
        var options = new FetchOptions();

        Assert.Empty(options.AllowedPrivateHosts);
        Assert.Empty(options.AllowedPrivateNetworks);
    }

    [Fact]
    public async Task StartUp_GdeltSourceNotInArticleListJsonMode_NamesTheSource()
    {
        var message = await StartUpErrorAsync(new()
        {
            ["Fetch:Sources:0:Name"] = "GDELT border",
            ["Fetch:Sources:0:Type"] = "Gdelt",
            ["Fetch:Sources:0:Url"] = "https://api.gdeltproject.org/api/v2/doc/doc?query=border&mode=TimelineVol&format=json",
        });

        Assert.Contains("'GDELT border'", message, StringComparison.Ordinal);
        Assert.Contains("mode=ArtList&format=json", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUp_DuplicateNameAndTooShortInterval_AreBothReported()
    {
        var message = await StartUpErrorAsync(new()
        {
            ["Fetch:Sources:0:Name"] = "Wire",
            ["Fetch:Sources:0:Url"] = "https://example.test/a",
            ["Fetch:Sources:1:Name"] = "wire",
            ["Fetch:Sources:1:Url"] = "https://example.test/b",
            ["Fetch:Sources:1:Interval"] = "00:00:10",
        });

        Assert.Contains("Fetch:Sources:1 ('wire'): Name is used by another source.", message, StringComparison.Ordinal);
        Assert.Contains("Fetch:Sources:1 ('wire'): Interval must be between", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://news.google.com/rss/search?q=harbour&hl=en-US&gl=US&ceid=US:en", FeedSourceType.GoogleNews)]
    [InlineData("https://api.gdeltproject.org/api/v2/doc/doc?query=harbour&mode=ArtList&format=json&maxrecords=75", FeedSourceType.Gdelt)]
    [InlineData("https://www.example.test/feed.atom", FeedSourceType.Feed)]
    public void Validate_RealSearchUrls_AreAccepted(string url, FeedSourceType type)
    {
        var options = new FetchOptions { Sources = [new FeedSource { Name = "s", Url = url, Type = type }] };

        var result = new FetchOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_GoogleNewsTypeOnAnOrdinaryPage_Fails()
    {
        var options = new FetchOptions { Sources = [new FeedSource { Name = "s", Url = "https://news.google.com/search?q=x", Type = FeedSourceType.GoogleNews }] };

        var result = new FetchOptionsValidator().Validate(null, options);

        Assert.Contains("news.google.com/rss", result.FailureMessage, StringComparison.Ordinal);
    }
}
