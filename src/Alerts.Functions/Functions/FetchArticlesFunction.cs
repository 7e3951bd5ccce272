using Alerts.Fetching;
using Alerts.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

public sealed class FetchArticlesFunction(FetchArticlesStep step)
{
    // No RunOnStartup on Azure: it would fire on every restart and scale-out.
    [Function(PipelineNames.FetchArticles)]
    public Task RunAsync(
        [TimerTrigger(PipelineNames.FetchScheduleExpression)] TimerInfo timer,
        CancellationToken cancellationToken)
        => step.RunAsync(cancellationToken);
}
