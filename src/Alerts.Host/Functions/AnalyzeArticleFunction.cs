using Alerts.Recovery;
using Alerts.Storage;
using Microsoft.Azure.WebJobs;

namespace Alerts.Host.Functions;

public sealed class AnalyzeArticleFunction(BlobSteps steps)
{
    [FunctionName(PipelineNames.AnalyzeArticle)]
    public Task RunAsync(
        [BlobTrigger(PipelineNames.ArticlesTrigger, Connection = PipelineNames.StorageConnection, Source = BlobTriggerSource.EventGrid)] Stream article,
        string name,
        CancellationToken cancellationToken)
        => steps.AnalyzeArticleAsync(article, name, cancellationToken);
}
