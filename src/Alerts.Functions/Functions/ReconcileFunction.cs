using Alerts.Pipeline;
using Alerts.Recovery;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

public sealed class ReconcileFunction(Reconciler reconciler)
{
    // No RunOnStartup on Azure: it would fire on every scale-out, and the grace period leaves fresh blobs alone anyway.
    [Function(FunctionNames.Reconcile)]
    public Task RunAsync(
        [TimerTrigger(FunctionNames.ReconcileScheduleExpression)] TimerInfo timer,
        CancellationToken cancellationToken)
        => reconciler.RunAsync(cancellationToken);
}
