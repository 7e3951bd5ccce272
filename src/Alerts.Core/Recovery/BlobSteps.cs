using Alerts.Analysis;
using Alerts.Delivery;
using Alerts.Storage;

namespace Alerts.Recovery;

/// <summary>The blob-triggered steps, each run through the quarantine: by the trigger with the blob it hands over, or
/// by name (the reconciler, the operator's retry) with the blob read here.</summary>
public sealed class BlobSteps(AnalyzeArticleStep analyze, NotifySubscribersStep notify, BlobQuarantine quarantine, BlobDocumentStore store)
{
    public static IReadOnlyList<string> Containers { get; } = [PipelineNames.ArticlesContainer, PipelineNames.AnalysesContainer];

    /// <summary>Where the step for a blob of <paramref name="container"/> leaves its result, named like the blob.</summary>
    public static (string Container, string Prefix) OutputOf(string container) => container switch
    {
        PipelineNames.ArticlesContainer => (PipelineNames.AnalysesContainer, ""),
        PipelineNames.AnalysesContainer => (PipelineNames.DeliveriesContainer, NotifySubscribersStep.SummaryPrefix),
        _ => throw new ArgumentOutOfRangeException(nameof(container), container, "No step reads this container."),
    };

    public Task AnalyzeArticleAsync(Stream article, string name, CancellationToken cancellationToken)
        => quarantine.RunAsync(AnalyzeArticleStep.FunctionName, PipelineNames.ArticlesContainer, name, ct => analyze.RunAsync(article, name, ct), cancellationToken);

    public Task NotifySubscribersAsync(Stream analysis, string name, CancellationToken cancellationToken)
        => quarantine.RunAsync(NotifySubscribersStep.FunctionName, PipelineNames.AnalysesContainer, name, ct => notify.RunAsync(analysis, name, ct), cancellationToken);

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
            PipelineNames.ArticlesContainer => AnalyzeArticleAsync(blob, name, cancellationToken),
            PipelineNames.AnalysesContainer => NotifySubscribersAsync(blob, name, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(container), container, "No step reads this container."),
        });
        return true;
    }
}
