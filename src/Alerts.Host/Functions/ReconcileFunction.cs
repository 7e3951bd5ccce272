using Alerts.Recovery;
using Alerts.Storage;
using Microsoft.Azure.WebJobs;

namespace Alerts.Host.Functions;

public sealed class ReconcileFunction(Reconciler reconciler)
{
    // RunOnStartup locally: blobs a crashed host wrote but never raised an event for are caught up when it is back.
    [FunctionName(PipelineNames.Reconcile)]
    public Task RunAsync(
        [TimerTrigger(PipelineNames.ReconcileScheduleExpression, RunOnStartup = true)] TimerInfo timer,
        CancellationToken cancellationToken)
        => reconciler.RunAsync(cancellationToken);
}
