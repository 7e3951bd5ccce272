using Alerts.Delivery;
using Alerts.Pipeline;
using Microsoft.Azure.WebJobs;

namespace Alerts.Host.Functions;

public sealed class RedriveDeliveriesFunction(DeliveryTimers timers)
{
    // RunOnStartup locally: pending deliveries left by a stopped host go out as soon as it is back.
    [FunctionName(FunctionNames.RedriveDeliveries)]
    public Task RunAsync(
        [TimerTrigger(FunctionNames.RedriveScheduleExpression, RunOnStartup = true)] TimerInfo timer,
        CancellationToken cancellationToken)
        => timers.RedriveDeliveriesAsync(cancellationToken);
}
