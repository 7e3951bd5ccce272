namespace Alerts.Storage;

/// <summary>The storage layout every stage and both hosts share: its containers and the connection setting.</summary>
public static class PipelineNames
{
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

    /// <summary>The storage connection setting, as Azure Functions names it.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    public static IReadOnlyList<string> Containers { get; } =
        [ArticlesContainer, AnalysesContainer, StatementsContainer, DeliveriesContainer, SourcesContainer, FingerprintsContainer, ConfigContainer, PoisonContainer];
}
