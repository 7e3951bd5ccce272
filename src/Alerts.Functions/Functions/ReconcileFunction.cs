using Alerts.Recovery;
using Alerts.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

public sealed class ReconcileFunction(Reconciler reconciler)
{
    // No RunOnStartup on Azure: it would fire on every scale-out, and the grace period leaves fresh blobs alone anyway.
    [Function(PipelineNames.Reconcile)]
    public Task RunAsync(
        [TimerTrigger(PipelineNames.ReconcileScheduleExpression)] TimerInfo timer,
        CancellationToken cancellationToken)
        => reconciler.RunAsync(cancellationToken);
}
