using Alerts.Fetching;
using Alerts.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

public sealed class FetchArticlesFunction(FetchArticlesStep step)
{
    // No RunOnStartup on Azure: it would fire on every restart and scale-out.
    [Function(FunctionNames.FetchArticles)]
    public Task RunAsync(
        [TimerTrigger(FunctionNames.FetchScheduleExpression)] TimerInfo timer,
        CancellationToken cancellationToken)
        => step.RunAsync(cancellationToken);
}
