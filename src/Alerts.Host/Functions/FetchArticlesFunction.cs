using Alerts.Fetching;
using Alerts.Pipeline;
using Microsoft.Azure.WebJobs;

namespace Alerts.Host.Functions;

public sealed class FetchArticlesFunction(FetchArticlesStep step, PipelineActivity activity)
{
    // RunOnStartup suits the local host only: on Azure it would fire on every scale-out.
    [FunctionName(FunctionNames.FetchArticles)]
    public async Task RunAsync(
        [TimerTrigger(FunctionNames.FetchScheduleExpression, RunOnStartup = true)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        await step.RunAsync(cancellationToken);
        activity.FetchCompleted();
    }
}
