using Alerts.Analysis;
using Alerts.Delivery;
using Alerts.Storage;

namespace Alerts.Recovery;

/// <summary>The blob-triggered steps by the container they read, for callers that hold a blob's name and no trigger:
/// the reconciler and the operator's retry.</summary>
public sealed class BlobSteps(AnalyzeArticleStep analyze, NotifySubscribersStep notify, BlobDocumentStore store)
{
    public static IReadOnlyList<string> Containers { get; } = [PipelineNames.ArticlesContainer, PipelineNames.AnalysesContainer];

    /// <summary>Where the step for a blob of <paramref name="container"/> leaves its result, named like the blob.</summary>
    public static (string Container, string Prefix) OutputOf(string container) => container switch
    {
        PipelineNames.ArticlesContainer => (PipelineNames.AnalysesContainer, ""),
        PipelineNames.AnalysesContainer => (PipelineNames.DeliveriesContainer, "analyses/"),
        _ => throw new ArgumentOutOfRangeException(nameof(container), container, "No step reads this container."),
    };

    public async Task<bool> IsDoneAsync(string container, string name, CancellationToken cancellationToken)
    {
        var (output, prefix) = OutputOf(container);
        return await store.ExistsAsync(output, prefix + name, cancellationToken);
    }

    /// <summary>Runs the step for one blob, as its trigger would; false when the blob no longer exists.</summary>
    public async Task<bool> RunAsync(string container, string name, CancellationToken cancellationToken)
    {
        await using var blob = await store.OpenReadAsync(container, name, cancellationToken);
        if (blob is null)
        {
            return false;
        }

        await (container switch
        {
            PipelineNames.ArticlesContainer => analyze.RunAsync(blob, name, cancellationToken),
            PipelineNames.AnalysesContainer => notify.RunAsync(blob, name, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(container), container, "No step reads this container."),
        });
        return true;
    }
}
