using Alerts.Pipeline;
using Alerts.Recovery;
using Alerts.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

public sealed class AnalyzeArticleFunction(BlobSteps steps)
{
    // Flex Consumption does not poll containers: Event Grid's BlobCreated events reach the blobs extension's webhook.
    [Function(FunctionNames.AnalyzeArticle)]
    public Task RunAsync(
        [BlobTrigger(FunctionNames.ArticlesTrigger, Connection = PipelineNames.StorageConnection, Source = BlobTriggerSource.EventGrid)] Stream article,
        string name,
        CancellationToken cancellationToken)
        => steps.AnalyzeArticleAsync(article, name, cancellationToken);
}
