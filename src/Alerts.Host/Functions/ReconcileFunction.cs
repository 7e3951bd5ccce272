using Alerts.Pipeline;
using Alerts.Recovery;
using Microsoft.Azure.WebJobs;

namespace Alerts.Host.Functions;

public sealed class ReconcileFunction(Reconciler reconciler)
{
    // RunOnStartup locally: blobs a crashed host wrote but never raised an event for are caught up when it is back.
    [FunctionName(FunctionNames.Reconcile)]
    public Task RunAsync(
        [TimerTrigger(FunctionNames.ReconcileScheduleExpression, RunOnStartup = true)] TimerInfo timer,
        CancellationToken cancellationToken)
        => reconciler.RunAsync(cancellationToken);
}
