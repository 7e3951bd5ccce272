using Alerts.Functions.Functions;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Tests.Functions;

/// <summary>The Azure app's timer function over the bundled sample feeds.</summary>
public sealed class FetchArticlesFunctionTests : IAsyncLifetime
{
    private Azurite azurite = null!;
    private MailDev mail = null!;
    private SampleFeedServer feeds = null!;

    public async Task InitializeAsync()
    {
        azurite = await Azurite.StartAsync();
        mail = await MailDev.StartAsync();
        feeds = await SampleFeedServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await feeds.DisposeAsync();
        await mail.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task FetchArticles_TimerFiresTwice_StoresEachSampleArticleOnce()
    {
        await using var app = await FunctionsApp.StartAsync(azurite, mail, new Dictionary<string, string?>
        {
            ["Fetch:Sources:0:Url"] = $"{feeds.BaseUrl}/feeds/gulf-coast-wire.xml",
            ["Fetch:Sources:1:Url"] = $"{feeds.BaseUrl}/feeds/frontera-daily.atom",
        });

        await app.Function<FetchArticlesFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        var first = await app.BlobsAsync(PipelineNames.ArticlesContainer);
        await app.Function<FetchArticlesFunction>().RunAsync(new TimerInfo { IsPastDue = true }, CancellationToken.None);

        Assert.Equal(4, first.Count);
        Assert.Equal(first, await app.BlobsAsync(PipelineNames.ArticlesContainer));
    }
}
