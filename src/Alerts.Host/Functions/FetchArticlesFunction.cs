using Alerts.Fetching;
using Alerts.Storage;
using Microsoft.Azure.WebJobs;

namespace Alerts.Host.Functions;

public sealed class FetchArticlesFunction(FetchArticlesStep step, PipelineActivity activity)
{
    // RunOnStartup suits the local host only: on Azure it would fire on every scale-out.
    [FunctionName(PipelineNames.FetchArticles)]
    public async Task RunAsync(
        [TimerTrigger(PipelineNames.FetchScheduleExpression, RunOnStartup = true)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        await step.RunAsync(cancellationToken);
        activity.FetchCompleted();
    }
}
