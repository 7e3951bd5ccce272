using Alerts.Analysis;
using Alerts.Articles;
using Alerts.Recovery;
using Alerts.Storage;
using Alerts.Tests.Delivery;
using Alerts.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Tests.Recovery;

/// <summary>The delivery harness plus the analysis step and the recovery stage, over emptied article, analysis, poison
/// and dead-letter containers. Blobs are written with no BlobCreated raised: every event is lost.</summary>
internal static class RecoveryHarness
{
    public static async Task<DeliveryHarness> StartAsync(
        AzuriteFixture azurite, int smtpPort, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        foreach (var container in new[] { PipelineNames.ArticlesContainer, PipelineNames.AnalysesContainer, PipelineNames.PoisonContainer })
        {
            await EmptyAsync(azurite, container);
        }

        await azurite.Service.GetBlobContainerClient(PipelineNames.DeadLetterContainer).DeleteIfExistsAsync();
        return await DeliveryHarness.StartAsync(
            azurite,
            Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")),
            smtpPort,
            settings,
            services =>
            {
                services.AddAlertsRecovery(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
                configure?.Invoke(services);
            });
    }

    public static Reconciler Reconciler(this DeliveryHarness harness) => harness.Services.GetRequiredService<Reconciler>();

    public static async Task<DateTimeOffset> CreatedAsync(this DeliveryHarness harness, AzuriteFixture azurite, string container, string name)
        => (await azurite.Service.GetBlobContainerClient(container).GetBlobClient(name).GetPropertiesAsync()).Value.CreatedOn;

    public static async Task<DateTimeOffset> StoreArticleAsync(this DeliveryHarness harness, AzuriteFixture azurite, string name, string speaker, string quote)
    {
        Assert.True(await harness.Store.TryCreateAsync(PipelineNames.ArticlesContainer, name, Article(name, speaker, quote), CancellationToken.None));
        return await harness.CreatedAsync(azurite, PipelineNames.ArticlesContainer, name);
    }

    public static Task<bool> ExistsAsync(this DeliveryHarness harness, string container, string name)
        => harness.Store.ExistsAsync(container, name, CancellationToken.None);

    public static Article Article(string name, string speaker, string quote)
    {
        var surname = speaker.Split(' ')[^1];
        var text = $"""
            Defense Secretary {speaker} spoke to reporters at the Pentagon on Thursday.

            “{quote},” {surname} said.

            The tariff talks will resume in June, a trade official said.
            """;
        return new Article
        {
            Id = Path.GetFileNameWithoutExtension(name),
            Url = $"https://news.example.org/2026/{name}",
            CanonicalUrl = $"https://news.example.org/2026/{name}",
            Source = "Example Wire",
            Title = $"{surname} speaks on the border",
            Published = DeliveryHarness.Start,
            Fetched = DeliveryHarness.Start,
            Language = "en",
            Text = text,
            ContentHash = ContentHash.Of(text),
        };
    }

    private static async Task EmptyAsync(AzuriteFixture azurite, string container)
    {
        var client = azurite.Service.GetBlobContainerClient(container);
        await foreach (var blob in client.GetBlobsAsync())
        {
            await client.DeleteBlobIfExistsAsync(blob.Name);
        }
    }
}
