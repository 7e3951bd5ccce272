using Alerts.Pipeline;
using Alerts.Recovery;
using Alerts.Storage;
using Microsoft.Azure.WebJobs;

namespace Alerts.Host.Functions;

public sealed class NotifySubscribersFunction(BlobSteps steps)
{
    [FunctionName(FunctionNames.NotifySubscribers)]
    public Task RunAsync(
        [BlobTrigger(FunctionNames.AnalysesTrigger, Connection = PipelineNames.StorageConnection, Source = BlobTriggerSource.EventGrid)] Stream analysis,
        string name,
        CancellationToken cancellationToken)
        => steps.NotifySubscribersAsync(analysis, name, cancellationToken);
}
