using Alerts.Delivery;
using Alerts.Pipeline;
using Microsoft.Azure.WebJobs;

namespace Alerts.Host.Functions;

public sealed class SendDigestsFunction(DeliveryTimers timers)
{
    [FunctionName(FunctionNames.SendDigests)]
    public Task RunAsync(
        [TimerTrigger(FunctionNames.DigestScheduleExpression)] TimerInfo timer,
        CancellationToken cancellationToken)
        => timers.SendDigestsAsync(cancellationToken);
}
