using Alerts.Analysis;
using Alerts.Delivery;
using Alerts.Storage;

namespace Alerts.Pipeline;

/// <summary>What both hosts must say alike: the functions' names, the blobs that trigger them and the settings their
/// timers resolve. The parity tests hold the two hosts to it.</summary>
public static class FunctionNames
{
    public const string FetchArticles = "FetchArticles";
    public const string AnalyzeArticle = AnalyzeArticleStep.FunctionName;
    public const string NotifySubscribers = NotifySubscribersStep.FunctionName;
    public const string RedriveDeliveries = "RedriveDeliveries";
    public const string SendDigests = "SendDigests";
    public const string Reconcile = "Reconcile";

    public const string ArticlesTrigger = PipelineNames.ArticlesContainer + "/{name}";
    public const string AnalysesTrigger = PipelineNames.AnalysesContainer + "/{name}";

    /// <summary>The timer schedule, resolved from the <c>Fetch:Schedule</c> setting (<c>Fetch__Schedule</c>).</summary>
    public const string FetchScheduleExpression = "%Fetch:Schedule%";
    /// <summary>Re-drives due pending deliveries (<c>Notify__RedriveSchedule</c>).</summary>
    public const string RedriveScheduleExpression = "%Notify:RedriveSchedule%";
    /// <summary>Sends the hourly and daily digests that are due (<c>Notify__DigestSchedule</c>).</summary>
    public const string DigestScheduleExpression = "%Notify:DigestSchedule%";
    /// <summary>Hands on blobs whose trigger never ran (<c>Reconcile__Schedule</c>).</summary>
    public const string ReconcileScheduleExpression = "%Reconcile:Schedule%";
}
