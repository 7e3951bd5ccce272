using Alerts.Pipeline;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Timers;
using Microsoft.Extensions.DependencyInjection;
using Alerts.Tests.Shared;

namespace Alerts.Tests.Pipeline;

/// <summary>The local host crashed between writing an article and raising its BlobCreated: the Reconcile timer of the
/// real local host hands it on, and the analysis it writes flows on through the NotifySubscribers trigger (issue 16 #5).</summary>
public sealed class ReconcileTests : IAsyncLifetime
{
    private const string BlobName = "example-org-lang-crash.json";

    private Azurite azurite = null!;
    private MailDev mail = null!;

    public async Task InitializeAsync()
    {
        azurite = await Azurite.StartAsync();
        mail = await MailDev.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await mail.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Host_ArticleWrittenWithoutItsEvent_IsAnalysedAndEmailedOnceByTheReconcileTimer()
    {
        // No feed server: the start-up fetch stores nothing, and the only article is the one whose event was lost.
        await using var pipeline = await PipelineHarness.StartAsync(
            azurite, mail, "http://127.0.0.1:9", new Dictionary<string, string?> { ["Reconcile:GracePeriod"] = "00:00:00" });
        await pipeline.Storage.GetBlobContainerClient(PipelineNames.ArticlesContainer)
            .UploadBlobAsync(BlobName, BinaryData.FromObjectAsJson(LangArticle.For(BlobName, "lang-crash"), AlertsJson.Options));

        await pipeline.Services.GetRequiredService<IJobHost>().CallAsync(
            FunctionNames.Reconcile,
            new Dictionary<string, object?> { ["timer"] = new TimerInfo(new ConstantSchedule(TimeSpan.FromMinutes(10)), new ScheduleStatus()) });
        await pipeline.WaitUntilDeliveredAsync(expectedArticles: 1, TimeSpan.FromSeconds(60));

        Assert.Equal([BlobName], await pipeline.BlobNamesAsync(PipelineNames.AnalysesContainer));
        var email = Assert.Single(await mail.EmailsAsync());
        Assert.Contains("Victor Lang", email.Subject, StringComparison.Ordinal);
    }
}
