using System.Text;
using System.Text.Json;
using Alerts.Analysis;
using Alerts.Pipeline;
using Alerts.Recovery;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Tests.Recovery;

/// <summary>A blob that fails every retry ends quarantined under poison/ with a reason free of secrets, and is then run
/// by neither its trigger nor the reconciler (issue 16 #6).</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class QuarantineTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Key = "k3y-that-must-never-be-recorded-0123456789";

    private MailDev mail = null!;

    public async Task InitializeAsync()
    {
        mail = await MailDev.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await mail.DisposeAsync();
    }

    [Fact]
    public async Task AnalyzeArticle_FailsEveryAttempt_IsQuarantinedAtMaxAttemptsWithASafeReasonAndNeverRunAgain()
    {
        // Language being down is survived (the offline analyzer stands in); a fault of the analyzer itself is not.
        var analyzer = new FaultyAnalyzer($"Analyzer state corrupt after key={Key}; see https://lang.example.test/keys?sig=s3cr3t-signature.");
        await using var harness = await RecoveryHarness.StartAsync(
            azurite,
            mail.SmtpPort,
            new Dictionary<string, string?> { ["Poison:MaxAttempts"] = "3" },
            services => services.AddSingleton<ITextAnalyzer>(analyzer));
        var created = await harness.StoreArticleAsync(azurite, "q.json", "Victor Lang", "We will not wait for another attack on our border, and the military is ready to act in Mexico");

        // The runtime retries the first two failures; the third is the last and is swallowed once recorded.
        await Assert.ThrowsAsync<InvalidOperationException>(() => TriggerAnalyzeAsync(harness, "q.json"));
        var counting = await Quarantine(harness).ReadAsync(PipelineNames.ArticlesContainer, "q.json", CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => TriggerAnalyzeAsync(harness, "q.json"));
        await TriggerAnalyzeAsync(harness, "q.json");
        var calls = analyzer.Calls;

        var record = await Quarantine(harness).ReadAsync(PipelineNames.ArticlesContainer, "q.json", CancellationToken.None);
        Assert.NotNull(counting);
        Assert.Equal(1, counting.Attempts);
        Assert.False(counting.IsQuarantined);
        Assert.NotNull(record);
        Assert.True(record.IsQuarantined);
        Assert.Equal(3, record.Attempts);
        Assert.Equal(FunctionNames.AnalyzeArticle, record.Function);
        Assert.Equal(nameof(InvalidOperationException), record.ExceptionType);
        Assert.Contains("Analyzer state corrupt", record.Reason, StringComparison.Ordinal);
        Assert.Contains("https://lang.example.test/keys", record.Reason, StringComparison.Ordinal);
        var stored = (await azurite.Service.GetBlobContainerClient(PipelineNames.PoisonContainer)
            .GetBlobClient("articles/q.json.json").DownloadContentAsync()).Value.Content.ToString();
        Assert.DoesNotContain(Key, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", stored, StringComparison.Ordinal);

        // A fourth delivery of the event, and the reconciler, leave the quarantined blob alone.
        await TriggerAnalyzeAsync(harness, "q.json");
        harness.Time.SetUtcNow(created + TimeSpan.FromHours(1));
        var report = await harness.Reconciler().RunAsync(CancellationToken.None);

        Assert.Equal(new(0, 0, 0, 0), report);
        Assert.Equal(calls, analyzer.Calls);
        Assert.False(await harness.ExistsAsync(PipelineNames.AnalysesContainer, "q.json"));
    }

    [Fact]
    public async Task NotifySubscribers_UnreadableAnalysis_IsQuarantinedAtTheFirstAttemptAndNotReconciled()
    {
        await using var harness = await RecoveryHarness.StartAsync(azurite, mail.SmtpPort);
        await azurite.Service.GetBlobContainerClient(PipelineNames.AnalysesContainer).UploadBlobAsync("bad.json", BinaryData.FromString("{\"statements\": [trunc"));
        var created = await harness.CreatedAsync(azurite, PipelineNames.AnalysesContainer, "bad.json");

        await using (var analysis = await harness.Store.OpenReadAsync(PipelineNames.AnalysesContainer, "bad.json", CancellationToken.None))
        {
            await harness.Services.GetRequiredService<BlobSteps>().NotifySubscribersAsync(analysis!, "bad.json", CancellationToken.None);
        }

        harness.Time.SetUtcNow(created + TimeSpan.FromHours(1));
        var report = await harness.Reconciler().RunAsync(CancellationToken.None);

        var record = await Quarantine(harness).ReadAsync(PipelineNames.AnalysesContainer, "bad.json", CancellationToken.None);
        Assert.NotNull(record);
        Assert.True(record.IsQuarantined);
        Assert.Equal(1, record.Attempts);
        Assert.Equal(FunctionNames.NotifySubscribers, record.Function);
        Assert.Equal(nameof(UnreadableBlobException), record.ExceptionType);
        Assert.StartsWith("not an analysis:", record.Reason, StringComparison.Ordinal);
        Assert.Equal(new(0, 0, 0, 0), report);
        Assert.False(await harness.ExistsAsync(PipelineNames.DeliveriesContainer, "analyses/bad.json"));
    }

    [Theory]
    [InlineData("PUT https://st.blob.core.windows.net/a/b?sv=2024&sig=abc%2Bdef failed", "PUT https://st.blob.core.windows.net/a/b failed")]
    [InlineData("webhook https://user:pw@prod.example/workflows/1?api-version=1&sig=XYZ answered 500", "webhook https://prod.example/workflows/1 answered 500")]
    [InlineData("bad connection AccountName=x;AccountKey=Zm9vYmFy==;EndpointSuffix=core", "bad connection AccountName=x;AccountKey=***;EndpointSuffix=core")]
    [InlineData("SMTP login failed: password=hunter2\nstack line", "SMTP login failed: password=***")]
    public void SafeReason_MessageWithSecrets_KeepsTheWordsAndDropsTheSecrets(string message, string expected)
        => Assert.Equal(expected, SafeReason.Of(new InvalidOperationException(message)));

    private static BlobQuarantine Quarantine(Delivery.DeliveryHarness harness) => harness.Services.GetRequiredService<BlobQuarantine>();

    private static async Task TriggerAnalyzeAsync(Delivery.DeliveryHarness harness, string name)
    {
        await using var article = await harness.Store.OpenReadAsync(PipelineNames.ArticlesContainer, name, CancellationToken.None);
        await harness.Services.GetRequiredService<BlobSteps>().AnalyzeArticleAsync(article!, name, CancellationToken.None);
    }

    /// <summary>An analyzer that fails every call with a message a careless library might write.</summary>
    private sealed class FaultyAnalyzer(string message) : ITextAnalyzer
    {
        private int calls;

        public int Calls => calls;

        public string Name => "faulty";

        public Task<TextAnalysis> AnalyzeAsync(string text, string? language, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException(message);
        }
    }
}
