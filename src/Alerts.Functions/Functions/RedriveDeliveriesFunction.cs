using Alerts.Delivery;
using Alerts.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

public sealed class RedriveDeliveriesFunction(DeliveryTimers timers)
{
    // No RunOnStartup on Azure: it would fire on every scale-out; the schedule is short anyway.
    [Function(FunctionNames.RedriveDeliveries)]
    public Task RunAsync(
        [TimerTrigger(FunctionNames.RedriveScheduleExpression)] TimerInfo timer,
        CancellationToken cancellationToken)
        => timers.RedriveDeliveriesAsync(cancellationToken);
}
