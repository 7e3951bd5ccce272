using Alerts.Delivery;
using Alerts.Storage;
using Microsoft.Azure.WebJobs;

namespace Alerts.Host.Functions;

public sealed class NotifySubscribersFunction(NotifySubscribersStep step)
{
    [FunctionName(PipelineNames.NotifySubscribers)]
    public Task RunAsync(
        [BlobTrigger(PipelineNames.AnalysesTrigger, Connection = PipelineNames.StorageConnection, Source = BlobTriggerSource.EventGrid)] Stream analysis,
        string name,
        CancellationToken cancellationToken)
        => step.RunAsync(analysis, name, cancellationToken);
}
