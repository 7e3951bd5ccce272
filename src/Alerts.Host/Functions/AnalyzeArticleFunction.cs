using Alerts.Analysis;
using Alerts.Storage;
using Microsoft.Azure.WebJobs;

namespace Alerts.Host.Functions;

public sealed class AnalyzeArticleFunction(AnalyzeArticleStep step)
{
    [FunctionName(PipelineNames.AnalyzeArticle)]
    public Task RunAsync(
        [BlobTrigger(PipelineNames.ArticlesTrigger, Connection = PipelineNames.StorageConnection, Source = BlobTriggerSource.EventGrid)] Stream article,
        string name,
        CancellationToken cancellationToken)
        => step.RunAsync(article, name, cancellationToken);
}
