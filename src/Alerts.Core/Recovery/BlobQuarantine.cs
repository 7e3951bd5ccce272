using Alerts.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Recovery;

/// <summary>Runs a blob-triggered step so that a blob failing every retry ends quarantined with a reason, never dropped
/// silently and never retried for ever. Failures are counted in the blob's poison record; the runtime retries the
/// failures before the last, and the last is swallowed once the record says quarantined.</summary>
public sealed class BlobQuarantine(
    BlobDocumentStore store,
    IOptionsMonitor<PoisonOptions> options,
    TimeProvider time,
    ILogger<BlobQuarantine> logger)
{
    public static string RecordName(string container, string name) => $"{container}/{name}.json";

    public async Task RunAsync(string function, string container, string name, Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        var record = await store.ReadAsync<PoisonRecord>(PipelineNames.PoisonContainer, RecordName(container, name), cancellationToken);
        if (record?.Document.IsQuarantined == true)
        {
            Log.SkippedQuarantined(logger, container, name);
            return;
        }

        try
        {
            await step(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failed = await RecordFailureAsync(function, container, name, e, cancellationToken);
            if (failed.IsQuarantined)
            {
                // Swallowed: the record is the poison, and a rethrow would only make the runtime retry again.
                Log.Quarantined(logger, container, name, failed.Attempts, failed.ExceptionType, failed.Reason);
                return;
            }

            Log.AttemptFailed(logger, container, name, failed.Attempts, options.CurrentValue.MaxAttempts, failed.ExceptionType, failed.Reason);
            throw;
        }

        if (record is not null)
        {
            await store.DeleteAsync(PipelineNames.PoisonContainer, RecordName(container, name), cancellationToken);
        }
    }

    public async Task<PoisonRecord?> ReadAsync(string container, string name, CancellationToken cancellationToken)
        => (await store.ReadAsync<PoisonRecord>(PipelineNames.PoisonContainer, RecordName(container, name), cancellationToken))?.Document;

    public async IAsyncEnumerable<PoisonRecord> ListAsync(
        string? container, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var name in store.ListNamesAsync(PipelineNames.PoisonContainer, container is null ? null : container + "/", cancellationToken))
        {
            if (await store.ReadAsync<PoisonRecord>(PipelineNames.PoisonContainer, name, cancellationToken) is { } record)
            {
                yield return record.Document;
            }
        }
    }

    /// <summary>The names of the quarantined blobs of one container, which the reconciler must leave alone.</summary>
    public async Task<HashSet<string>> QuarantinedAsync(string container, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var record in ListAsync(container, cancellationToken))
        {
            if (record.IsQuarantined)
            {
                names.Add(record.Name);
            }
        }

        return names;
    }

    public Task RemoveAsync(string container, string name, CancellationToken cancellationToken)
        => store.DeleteAsync(PipelineNames.PoisonContainer, RecordName(container, name), cancellationToken);

    private async Task<PoisonRecord> RecordFailureAsync(string function, string container, string name, Exception e, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var recordName = RecordName(container, name);
        // Compare-and-swap, as two instances may fail the same blob at once; a lost race re-reads and counts again.
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.ReadAsync<PoisonRecord>(PipelineNames.PoisonContainer, recordName, cancellationToken);
            var attempts = (current?.Document.Attempts ?? 0) + 1;
            var next = new PoisonRecord
            {
                Container = container,
                Name = name,
                Function = function,
                Attempts = attempts,
                ExceptionType = e.GetType().Name,
                Reason = SafeReason.Of(e),
                FirstFailed = current?.Document.FirstFailed ?? now,
                LastFailed = now,
                Quarantined = e is UnreadableBlobException || attempts >= options.CurrentValue.MaxAttempts ? now : null,
            };
            var written = current is null
                ? await store.TryCreateAsync(PipelineNames.PoisonContainer, recordName, next, cancellationToken)
                : await store.TryReplaceAsync(PipelineNames.PoisonContainer, recordName, next, current.ETag, cancellationToken);
            if (written || attempt == 4)
            {
                return next;
            }
        }
    }
}
