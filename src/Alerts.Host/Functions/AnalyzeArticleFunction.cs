using Alerts.Recovery;
using Alerts.Storage;
using Microsoft.Azure.WebJobs;

namespace Alerts.Host.Functions;

public sealed class AnalyzeArticleFunction(BlobSteps steps, PipelineActivity activity)
{
    [FunctionName(PipelineNames.AnalyzeArticle)]
    public async Task RunAsync(
        [BlobTrigger(PipelineNames.ArticlesTrigger, Connection = PipelineNames.StorageConnection, Source = BlobTriggerSource.EventGrid)] Stream article,
        string name,
        CancellationToken cancellationToken)
    {
        await steps.AnalyzeArticleAsync(article, name, cancellationToken);
        activity.ArticleAnalyzed();
    }
}
