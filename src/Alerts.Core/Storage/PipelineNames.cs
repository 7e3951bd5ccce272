namespace Alerts.Storage;

/// <summary>Names both hosts must agree on: functions, containers, triggers and the settings they resolve.</summary>
public static class PipelineNames
{
    public const string FetchArticles = "FetchArticles";
    public const string AnalyzeArticle = "AnalyzeArticle";
    public const string NotifySubscribers = "NotifySubscribers";
    public const string RedriveDeliveries = "RedriveDeliveries";
    public const string SendDigests = "SendDigests";
    public const string Reconcile = "Reconcile";

    public const string ArticlesContainer = "articles";
    public const string AnalysesContainer = "analyses";
    /// <summary>The novelty index: one record per known statement.</summary>
    public const string StatementsContainer = "statements";
    /// <summary>Durable delivery records (pending, sent, failed) and one summary per notified analysis.</summary>
    public const string DeliveriesContainer = "deliveries";
    /// <summary>Per-source fetch state: cache validators, schedule, failure streak. One small JSON blob per source.</summary>
    public const string SourcesContainer = "sources";
    /// <summary>Lookups that keep each story stored once: URL aliases, exact content hashes, SimHash band buckets.</summary>
    public const string FingerprintsContainer = "fingerprints";
    /// <summary>Operator-edited configuration read at run time: the subscriptions document.</summary>
    public const string ConfigContainer = "config";
    /// <summary>Blobs whose step failed: attempts while retried, then the quarantine record with its reason.</summary>
    public const string PoisonContainer = "poison";

    /// <summary>Where Event Grid writes the events it could not deliver (created by the infrastructure on Azure; the
    /// local host has none). The reconciler drains it.</summary>
    public const string DeadLetterContainer = "eventgrid-deadletter";

    public const string ArticlesTrigger = ArticlesContainer + "/{name}";
    public const string AnalysesTrigger = AnalysesContainer + "/{name}";

    /// <summary>The storage connection setting, as Azure Functions names it.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";
    /// <summary>The timer schedule, resolved from the <c>Fetch:Schedule</c> setting (<c>Fetch__Schedule</c>).</summary>
    public const string FetchScheduleExpression = "%Fetch:Schedule%";
    /// <summary>Re-drives due pending deliveries (<c>Notify__RedriveSchedule</c>).</summary>
    public const string RedriveScheduleExpression = "%Notify:RedriveSchedule%";
    /// <summary>Sends the hourly and daily digests that are due (<c>Notify__DigestSchedule</c>).</summary>
    public const string DigestScheduleExpression = "%Notify:DigestSchedule%";
    /// <summary>Hands on blobs whose trigger never ran (<c>Reconcile__Schedule</c>).</summary>
    public const string ReconcileScheduleExpression = "%Reconcile:Schedule%";

    public static IReadOnlyList<string> Containers { get; } =
        [ArticlesContainer, AnalysesContainer, StatementsContainer, DeliveriesContainer, SourcesContainer, FingerprintsContainer, ConfigContainer, PoisonContainer];
}
