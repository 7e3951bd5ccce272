using Alerts.Recovery;
using Alerts.Storage;
using Microsoft.Azure.WebJobs;

namespace Alerts.Host.Functions;

public sealed class NotifySubscribersFunction(BlobSteps steps)
{
    [FunctionName(PipelineNames.NotifySubscribers)]
    public Task RunAsync(
        [BlobTrigger(PipelineNames.AnalysesTrigger, Connection = PipelineNames.StorageConnection, Source = BlobTriggerSource.EventGrid)] Stream analysis,
        string name,
        CancellationToken cancellationToken)
        => steps.NotifySubscribersAsync(analysis, name, cancellationToken);
}
