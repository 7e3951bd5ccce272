using Alerts.Pipeline;
using Alerts.Recovery;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Azure.Storage.Blobs;
using Alerts.Tests.Shared;

namespace Alerts.Tests.Cli;

/// <summary>The operator's view of quarantined blobs: <c>poison list</c> shows them with their reason, <c>poison retry</c>
/// removes the record and runs the step again, carrying an article on to its notification (issue 16 #6).</summary>
public sealed class PoisonCommandTests : IAsyncLifetime
{
    private const string BlobName = "example-org-lang-poison.json";

    private readonly string settings = Path.Combine(Path.GetTempPath(), $"settings-{Guid.NewGuid():N}.json");
    private Azurite azurite = null!;
    private MailDev mail = null!;
    private BlobDocumentStore store = null!;

    public async Task InitializeAsync()
    {
        azurite = await Azurite.StartAsync();
        mail = await MailDev.StartAsync();
        store = new BlobDocumentStore(new BlobServiceClient(azurite.ConnectionString), new NoBlobEvents());
        await store.EnsureContainersAsync(CancellationToken.None);
        await File.WriteAllTextAsync(settings, System.Text.Json.JsonSerializer.Serialize(new
        {
            IsEncrypted = false,
            Values = new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Smtp__Host"] = "127.0.0.1",
                ["Smtp__Port"] = $"{mail.SmtpPort}",
                ["Smtp__Security"] = "None",
                ["Smtp__From"] = "alerts@alerts.test",
                ["Notify__SubscriptionsFile"] = Path.Combine(RepoPaths.Samples, "subscriptions.json"),
            },
        }));
    }

    public async Task DisposeAsync()
    {
        File.Delete(settings);
        await mail.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task PoisonListAndRetry_QuarantinedArticle_ListsItsReasonThenAnalysesAndNotifiesIt()
    {
        // The analyzer failed three times; the article itself is fine, so once the service is back a retry goes through.
        await store.TryCreateAsync(PipelineNames.ArticlesContainer, BlobName, LangArticle.For(BlobName, "lang-poison"), CancellationToken.None);
        await store.UpsertAsync(PipelineNames.PoisonContainer, BlobQuarantine.RecordName(PipelineNames.ArticlesContainer, BlobName), new PoisonRecord
        {
            Container = PipelineNames.ArticlesContainer,
            Name = BlobName,
            Function = FunctionNames.AnalyzeArticle,
            Attempts = 3,
            ExceptionType = "LanguageServiceException",
            Reason = "Azure AI Language answered 503 ServiceUnavailable",
            FirstFailed = new DateTimeOffset(2026, 3, 5, 14, 0, 0, TimeSpan.Zero),
            LastFailed = new DateTimeOffset(2026, 3, 5, 14, 2, 0, TimeSpan.Zero),
            Quarantined = new DateTimeOffset(2026, 3, 5, 14, 2, 0, TimeSpan.Zero),
        }, CancellationToken.None);

        var (listExit, list, listErrors) = await ReplayCommandTests.RunAsync("poison", "list", "--settings", settings);
        var (retryExit, retry, retryErrors) = await ReplayCommandTests.RunAsync("poison", "retry", BlobName, "--settings", settings);
        var (_, after, _) = await ReplayCommandTests.RunAsync("poison", "list", "--settings", settings);

        Assert.True(listExit == 0, listErrors);
        Assert.Matches(@"STATUS\s+BLOB\s+FUNCTION\s+ATTEMPTS\s+LAST FAILED\s+REASON", list);
        Assert.Matches($@"quarantined\s+articles/{BlobName}\s+AnalyzeArticle\s+3\s+2026-03-05 14:02:00\s+LanguageServiceException: Azure AI Language answered 503", list);
        Assert.Contains("1 quarantined, 0 retrying", list, StringComparison.Ordinal);
        Assert.True(retryExit == 0, retry + retryErrors);
        Assert.Contains($"articles/{BlobName}: done", retry, StringComparison.Ordinal);
        Assert.Contains($"analyses/{BlobName}: done", retry, StringComparison.Ordinal);
        Assert.True(await store.ExistsAsync(PipelineNames.AnalysesContainer, BlobName, CancellationToken.None));
        Assert.True(await store.ExistsAsync(PipelineNames.DeliveriesContainer, $"analyses/{BlobName}", CancellationToken.None));
        Assert.Contains("Victor Lang", Assert.Single(await mail.EmailsAsync()).Subject, StringComparison.Ordinal);
        Assert.Contains("0 quarantined, 0 retrying", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoisonRetry_UnknownName_SaysSo()
    {
        var (exit, _, stderr) = await ReplayCommandTests.RunAsync("poison", "retry", "articles/nothing.json", "--settings", settings);

        Assert.Equal(Alerts.Host.Cli.BadUsage, exit);
        Assert.Contains("No poison record for 'articles/nothing.json'", stderr, StringComparison.Ordinal);
    }
}
