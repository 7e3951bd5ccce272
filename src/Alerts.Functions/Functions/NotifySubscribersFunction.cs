using Alerts.Recovery;
using Alerts.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

public sealed class NotifySubscribersFunction(BlobSteps steps)
{
    [Function(PipelineNames.NotifySubscribers)]
    public Task RunAsync(
        [BlobTrigger(PipelineNames.AnalysesTrigger, Connection = PipelineNames.StorageConnection, Source = BlobTriggerSource.EventGrid)] Stream analysis,
        string name,
        CancellationToken cancellationToken)
        => steps.NotifySubscribersAsync(analysis, name, cancellationToken);
}
