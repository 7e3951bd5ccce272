using Alerts.Pipeline;
using Alerts.Recovery;
using Alerts.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

public sealed class NotifySubscribersFunction(BlobSteps steps)
{
    [Function(FunctionNames.NotifySubscribers)]
    public Task RunAsync(
        [BlobTrigger(FunctionNames.AnalysesTrigger, Connection = PipelineNames.StorageConnection, Source = BlobTriggerSource.EventGrid)] Stream analysis,
        string name,
        CancellationToken cancellationToken)
        => steps.NotifySubscribersAsync(analysis, name, cancellationToken);
}
