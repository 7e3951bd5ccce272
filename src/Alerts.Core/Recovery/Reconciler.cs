using System.Text.Json;
using Alerts.Storage;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Recovery;

public sealed record ReconcileReport(int HandedOn, int Failed, int Left, int DeadLettersDrained);

/// <summary>Catches up blobs whose BlobCreated never reached their trigger (a crash between write and event, a refused
/// webhook, an Event Grid subscription made after the first fetch) and events Event Grid dead-lettered. Create-once
/// writes mean a retried upstream step skips such a blob, so nothing else would ever process it.</summary>
public sealed class Reconciler(
    BlobDocumentStore store,
    BlobSteps steps,
    BlobQuarantine quarantine,
    IOptionsMonitor<ReconcileOptions> options,
    TimeProvider time,
    ILogger<Reconciler> logger)
{
    private const string SubjectPrefix = "/blobServices/default/containers/";

    public async Task<ReconcileReport> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        var tally = new Tally(settings.MaxPerRun);

        // Dead letters first: Event Grid has given up on them, so no trigger will ever come, however young the blob.
        var drained = await DrainDeadLettersAsync(tally, cancellationToken);

        // Every candidate is chosen before any runs: a blob this run writes is its trigger's for a grace period.
        var candidates = new List<(string Container, StoredBlob Blob)>();
        foreach (var container in BlobSteps.Containers)
        {
            var done = await DoneNamesAsync(container, cancellationToken);
            // Quarantined blobs wait for the operator (poison retry), not for the next run.
            done.UnionWith(await quarantine.QuarantinedAsync(container, cancellationToken));
            await foreach (var blob in store.ListBlobsAsync(container, null, cancellationToken))
            {
                if (!done.Contains(blob.Name) && blob.Created <= now - settings.GracePeriod)
                {
                    candidates.Add((container, blob));
                }
            }
        }

        var ordered = candidates.OrderBy(c => c.Blob.Created).ThenBy(c => c.Blob.Name, StringComparer.Ordinal).ToList();
        var left = 0;
        foreach (var (container, blob) in ordered)
        {
            if (!tally.Take())
            {
                left++;
                continue;
            }

            var ok = await HandOnAsync(container, blob.Name, cancellationToken);
            tally.Count(ok);
            if (ok)
            {
                Log.HandedOn(logger, container, blob.Name, now - blob.Created);
            }
        }

        var report = new ReconcileReport(tally.HandedOn, tally.Failed, left, drained);
        if (report != new ReconcileReport(0, 0, 0, 0))
        {
            Log.Reconciled(logger, report.HandedOn, report.Failed, report.Left, report.DeadLettersDrained);
        }

        return report;
    }

    private async Task<HashSet<string>> DoneNamesAsync(string container, CancellationToken cancellationToken)
    {
        var (output, prefix) = BlobSteps.OutputOf(container);
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var name in store.ListNamesAsync(output, prefix.Length == 0 ? null : prefix, cancellationToken))
        {
            names.Add(name[prefix.Length..]);
        }

        return names;
    }

    private async Task<bool> HandOnAsync(string container, string name, CancellationToken cancellationToken)
    {
        try
        {
            await steps.RunAsync(container, name, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One blob's failure must not stop the others; it stays unprocessed and the next run offers it again.
            Log.HandOnFailed(logger, container, name, e);
            return false;
        }
    }

    /// <summary>Each dead-letter blob holds a JSON array of events; it is deleted once every BlobCreated in it is
    /// handed on (or found done), and kept for the next run while one fails.</summary>
    private async Task<int> DrainDeadLettersAsync(Tally tally, CancellationToken cancellationToken)
    {
        var drained = 0;
        try
        {
            var blobs = new List<StoredBlob>();
            await foreach (var blob in store.ListBlobsAsync(PipelineNames.DeadLetterContainer, null, cancellationToken))
            {
                blobs.Add(blob);
            }

            foreach (var blob in blobs.OrderBy(b => b.Created))
            {
                if (await DrainAsync(blob.Name, tally, cancellationToken))
                {
                    await store.DeleteAsync(PipelineNames.DeadLetterContainer, blob.Name, cancellationToken);
                    drained++;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No dead-letter container: the local host has no Event Grid.
        }

        return drained;
    }

    private async Task<bool> DrainAsync(string deadLetter, Tally tally, CancellationToken cancellationToken)
    {
        List<(string Container, string Name)> subjects;
        await using (var content = await store.OpenReadAsync(PipelineNames.DeadLetterContainer, deadLetter, cancellationToken))
        {
            if (content is null)
            {
                return false;
            }

            try
            {
                subjects = Subjects(await JsonDocument.ParseAsync(content, cancellationToken: cancellationToken));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                Log.DeadLetterUnreadable(logger, deadLetter, e.Message);
                return false;
            }
        }

        var complete = true;
        foreach (var (container, name) in subjects)
        {
            if (await steps.IsDoneAsync(container, name, cancellationToken)
                || (await quarantine.ReadAsync(container, name, cancellationToken))?.IsQuarantined == true)
            {
                continue;
            }

            if (!tally.Take())
            {
                complete = false;
                continue;
            }

            var ok = await HandOnAsync(container, name, cancellationToken);
            tally.Count(ok);
            if (ok)
            {
                Log.DeadLetterHandedOn(logger, container, name);
            }

            complete &= ok;
        }

        return complete;
    }

    /// <summary>The (container, blob) of each event for a container a step reads; events for others are dropped.</summary>
    private static List<(string Container, string Name)> Subjects(JsonDocument events)
    {
        using (events)
        {
            var subjects = new List<(string, string)>();
            foreach (var item in events.RootElement.EnumerateArray())
            {
                if (item.TryGetProperty("subject", out var subject) && subject.GetString() is { } text
                    && text.StartsWith(SubjectPrefix, StringComparison.Ordinal))
                {
                    var parts = text[SubjectPrefix.Length..].Split("/blobs/", 2);
                    if (parts.Length == 2 && BlobSteps.Containers.Contains(parts[0]) && parts[1].Length > 0)
                    {
                        subjects.Add((parts[0], parts[1]));
                    }
                }
            }

            return subjects;
        }
    }

    /// <summary>One run's budget of steps and what they did.</summary>
    private sealed class Tally(int budget)
    {
        private int left = budget;

        public int HandedOn { get; private set; }

        public int Failed { get; private set; }

        public bool Take() => left-- > 0;

        public void Count(bool ok)
        {
            if (ok)
            {
                HandedOn++;
            }
            else
            {
                Failed++;
            }
        }
    }
}
