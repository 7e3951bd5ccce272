using Alerts.Delivery;
using Alerts.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

public sealed class SendDigestsFunction(DeliveryTimers timers)
{
    [Function(FunctionNames.SendDigests)]
    public Task RunAsync(
        [TimerTrigger(FunctionNames.DigestScheduleExpression)] TimerInfo timer,
        CancellationToken cancellationToken)
        => timers.SendDigestsAsync(cancellationToken);
}
