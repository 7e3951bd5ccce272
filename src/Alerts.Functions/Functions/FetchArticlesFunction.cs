using Alerts.Fetching;
using Alerts.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

public sealed class FetchArticlesFunction(FetchArticlesStep step, PipelineActivity activity)
{
    // No RunOnStartup on Azure: it would fire on every restart and scale-out.
    [Function(PipelineNames.FetchArticles)]
    public async Task RunAsync(
        [TimerTrigger(PipelineNames.FetchScheduleExpression)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        await step.RunAsync(cancellationToken);
        activity.FetchCompleted();
    }
}
