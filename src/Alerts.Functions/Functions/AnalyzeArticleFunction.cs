using Alerts.Recovery;
using Alerts.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

public sealed class AnalyzeArticleFunction(BlobSteps steps)
{
    // Flex Consumption does not poll containers: Event Grid's BlobCreated events reach the blobs extension's webhook.
    [Function(PipelineNames.AnalyzeArticle)]
    public Task RunAsync(
        [BlobTrigger(PipelineNames.ArticlesTrigger, Connection = PipelineNames.StorageConnection, Source = BlobTriggerSource.EventGrid)] Stream article,
        string name,
        CancellationToken cancellationToken)
        => steps.AnalyzeArticleAsync(article, name, cancellationToken);
}
