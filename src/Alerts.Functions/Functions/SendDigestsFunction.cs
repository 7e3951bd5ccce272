using Alerts.Delivery;
using Alerts.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

public sealed class SendDigestsFunction(DeliveryTimers timers)
{
    [Function(PipelineNames.SendDigests)]
    public Task RunAsync(
        [TimerTrigger(PipelineNames.DigestScheduleExpression)] TimerInfo timer,
        CancellationToken cancellationToken)
        => timers.SendDigestsAsync(cancellationToken);
}
