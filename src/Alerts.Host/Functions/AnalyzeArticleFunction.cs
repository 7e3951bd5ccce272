using Alerts.Pipeline;
using Alerts.Recovery;
using Alerts.Storage;
using Microsoft.Azure.WebJobs;

namespace Alerts.Host.Functions;

public sealed class AnalyzeArticleFunction(BlobSteps steps, PipelineActivity activity)
{
    [FunctionName(FunctionNames.AnalyzeArticle)]
    public async Task RunAsync(
        [BlobTrigger(FunctionNames.ArticlesTrigger, Connection = PipelineNames.StorageConnection, Source = BlobTriggerSource.EventGrid)] Stream article,
        string name,
        CancellationToken cancellationToken)
    {
        await steps.AnalyzeArticleAsync(article, name, cancellationToken);
        activity.ArticleAnalyzed();
    }
}
