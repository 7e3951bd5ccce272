using Alerts.Storage;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Delivery;

public enum SubscriptionsEdit
{
    Changed,
    Unchanged,
    /// <summary>The blob does not exist (nobody is subscribed).</summary>
    Missing,
    /// <summary>The blob holds an operator's invalid edit: left alone.</summary>
    Invalid,
    /// <summary>Other writers kept changing it; nothing was written.</summary>
    Conflict,
}

/// <summary>The subscriptions document, kept as <c>config/subscriptions.json</c> so operators can change it without a
/// restart. Seeded once from <c>Notify:SubscriptionsFile</c>; re-read when its ETag changes, checked at most every
/// <c>Notify:SubscriptionsRefresh</c>. An invalid edit is logged (naming subscriber and field) and the last valid
/// document stays in force; so does a document whose blob has gone missing since it was loaded.</summary>
public sealed class SubscriptionStore(
    BlobDocumentStore store,
    IOptionsMonitor<NotifyOptions> options,
    TimeProvider time,
    ILogger<SubscriptionStore> logger) : IDisposable
{
    public const string BlobName = "subscriptions.json";

    private readonly SemaphoreSlim gate = new(1, 1);
    private SubscriptionsDocument? current;
    private ETag? etag;
    private bool loadedFromBlob;
    private DateTimeOffset checkedAt = DateTimeOffset.MinValue;

    public async Task<IReadOnlyList<Subscriber>> SubscribersAsync(CancellationToken cancellationToken)
        => (await DocumentAsync(cancellationToken)).Subscribers;

    public async Task<Subscriber?> FindAsync(string id, CancellationToken cancellationToken)
        => (await SubscribersAsync(cancellationToken)).FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    public async Task<SubscriptionsDocument> DocumentAsync(CancellationToken cancellationToken)
    {
        if (current is not null && time.GetUtcNow() - checkedAt < options.CurrentValue.SubscriptionsRefresh)
        {
            return current;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is null || time.GetUtcNow() - checkedAt >= options.CurrentValue.SubscriptionsRefresh)
            {
                await RefreshAsync(cancellationToken);
            }

            return current ?? new SubscriptionsDocument();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>Edits the document under its ETag: reads it, applies <paramref name="edit"/> (null: nothing to change),
    /// and replaces it only if nobody wrote in between; after a conflict it reads again and re-applies, up to
    /// <paramref name="maxAttempts"/> times. The result is validated like an operator's edit before it is written.</summary>
    public async Task<SubscriptionsEdit> EditAsync(
        Func<SubscriptionsDocument, SubscriptionsDocument?> edit, int maxAttempts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            var content = await store.ReadIfChangedAsync(PipelineNames.ConfigContainer, BlobName, null, cancellationToken);
            if (content is not { Status: BlobContentStatus.Found, Content: { } bytes, ETag: { } readETag })
            {
                return SubscriptionsEdit.Missing;
            }

            var read = SubscriptionsReader.Read(bytes.ToMemory().Span);
            if (!read.IsValid)
            {
                return SubscriptionsEdit.Invalid;
            }

            if (edit(read.Document!) is not { } edited)
            {
                return SubscriptionsEdit.Unchanged;
            }

            if (SubscriptionsReader.Validate(edited) is { Count: > 0 } errors)
            {
                throw new InvalidOperationException($"An edit of the subscriptions would make them invalid: {string.Join(" | ", errors)}");
            }

            if (await store.TryReplaceAsync(PipelineNames.ConfigContainer, BlobName, edited, readETag, cancellationToken))
            {
                // This instance sees its own edit at once; the others within Notify:SubscriptionsRefresh.
                checkedAt = DateTimeOffset.MinValue;
                return SubscriptionsEdit.Changed;
            }

            // Read again and re-apply: each round one of the colliding writers wins, so N writers finish within N.
            Log.SubscriptionsEditConflict(logger, attempt, maxAttempts);
        }

        return SubscriptionsEdit.Conflict;
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var read = await store.ReadIfChangedAsync(
            PipelineNames.ConfigContainer, BlobName, current is null ? null : etag, cancellationToken);
        switch (read.Status)
        {
            case BlobContentStatus.NotModified:
                checkedAt = time.GetUtcNow();
                return;
            case BlobContentStatus.Missing:
                await MissingAsync(cancellationToken);
                return;
        }

        checkedAt = time.GetUtcNow();
        var parsed = SubscriptionsReader.Read(read.Content!.ToMemory().Span);
        if (parsed.IsValid)
        {
            current = parsed.Document;
            etag = read.ETag;
            loadedFromBlob = true;
            Log.SubscriptionsLoaded(logger, current!.Subscribers.Count, etag.ToString()!);
            return;
        }

        Log.SubscriptionsInvalid(logger, PipelineNames.ConfigContainer, BlobName, string.Join(" | ", parsed.Errors));
        if (current is null)
        {
            throw new InvalidOperationException(
                $"{PipelineNames.ConfigContainer}/{BlobName} is invalid and no earlier version was loaded: {string.Join(" | ", parsed.Errors)}");
        }

        // Keep the last valid document, and do not re-read the bad one until it changes.
        etag = read.ETag;
    }

    private async Task MissingAsync(CancellationToken cancellationToken)
    {
        if (loadedFromBlob && current is { } kept)
        {
            // A deleted (or half-replaced) blob is an accident more likely than "unsubscribe everyone": dropping
            // the subscribers would also drop their queued digests. An empty list says "nobody" on purpose.
            Log.SubscriptionsMissing(logger, PipelineNames.ConfigContainer, BlobName, kept.Subscribers.Count);
            etag = null;
            checkedAt = time.GetUtcNow();
            return;
        }

        if (await SeedAsync(cancellationToken))
        {
            await RefreshAsync(cancellationToken);
            return;
        }

        Log.NoSubscriptions(logger, PipelineNames.ConfigContainer, BlobName);
        current = new SubscriptionsDocument();
        etag = null;
        checkedAt = time.GetUtcNow();
    }

    /// <summary>Uploads the seed file if the blob does not exist; never overwrites an operator's edit.</summary>
    private async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (options.CurrentValue.SubscriptionsFile is not { Length: > 0 } file || SubscriptionsFile.Resolve(file) is not { } path)
        {
            return false;
        }

        await using var content = File.OpenRead(path);
        // False when another instance seeded it first.
        if (await store.TryCreateFromStreamAsync(PipelineNames.ConfigContainer, BlobName, content, cancellationToken))
        {
            Log.SubscriptionsSeeded(logger, path);
        }

        return true;
    }
}
