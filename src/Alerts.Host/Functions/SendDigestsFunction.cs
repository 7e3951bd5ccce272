using Alerts.Delivery;
using Alerts.Storage;
using Microsoft.Azure.WebJobs;

namespace Alerts.Host.Functions;

public sealed class SendDigestsFunction(DeliveryTimers timers)
{
    [FunctionName(PipelineNames.SendDigests)]
    public Task RunAsync(
        [TimerTrigger(PipelineNames.DigestScheduleExpression)] TimerInfo timer,
        CancellationToken cancellationToken)
        => timers.SendDigestsAsync(cancellationToken);
}
