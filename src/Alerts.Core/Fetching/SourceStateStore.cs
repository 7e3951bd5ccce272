using System.Security.Cryptography;
using System.Text;
using Alerts.Storage;
using Azure;

namespace Alerts.Fetching;

/// <summary>What one source's last runs left behind, in <c>sources/{name}.json</c>.</summary>
public sealed record SourceState
{
    public const int CurrentSchemaVersion = 1;

    public required string Source { get; init; }
    /// <summary>The URL the validators belong to; a changed URL starts afresh.</summary>
    public string? Url { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public DateTimeOffset? LastAttempt { get; init; }
    public DateTimeOffset? LastSuccess { get; init; }
    public DateTimeOffset? NextDue { get; init; }
    public int ConsecutiveFailures { get; init; }
    public FetchFailure? LastFailure { get; init; }
    /// <summary>When the current failure streak began; null while the source is healthy.</summary>
    public DateTimeOffset? FailingSince { get; init; }
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
}

/// <summary>Source state shared by every instance, written with compare-and-swap so two runs never clobber each other.</summary>
public sealed class SourceStateStore(BlobDocumentStore store)
{
    public async Task<StoredDocument<SourceState>?> ReadAsync(string source, CancellationToken cancellationToken)
        => await store.ReadAsync<SourceState>(PipelineNames.SourcesContainer, BlobName(source), cancellationToken);

    /// <summary>False when another instance wrote the state since <paramref name="etag"/> was read; theirs stands.</summary>
    public async Task<bool> TrySaveAsync(SourceState state, ETag? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var name = BlobName(state.Source);
        return etag is { } current
            ? await store.TryReplaceAsync(PipelineNames.SourcesContainer, name, state, current, cancellationToken)
            : await store.TryCreateAsync(PipelineNames.SourcesContainer, name, state, cancellationToken);
    }

    /// <summary>A readable, storage-safe name: the source name's letters and digits plus a short hash, since two
    /// names may differ only in punctuation.</summary>
    public static string BlobName(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var slug = new string(source.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source.ToUpperInvariant())))[..8];
        return $"{(slug.Length > 60 ? slug[..60] : slug)}-{hash}.json";
    }
}
