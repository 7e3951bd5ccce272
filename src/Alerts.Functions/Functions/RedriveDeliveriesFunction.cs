using Alerts.Delivery;
using Alerts.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

public sealed class RedriveDeliveriesFunction(DeliveryTimers timers)
{
    // No RunOnStartup on Azure: it would fire on every scale-out; the schedule is short anyway.
    [Function(PipelineNames.RedriveDeliveries)]
    public Task RunAsync(
        [TimerTrigger(PipelineNames.RedriveScheduleExpression)] TimerInfo timer,
        CancellationToken cancellationToken)
        => timers.RedriveDeliveriesAsync(cancellationToken);
}
