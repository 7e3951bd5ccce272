using Alerts.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Alerts.Tests.Infrastructure;

/// <summary>What storage says about a run: how far the pipeline got and whether anything is still in flight.</summary>
internal sealed record PipelineState(int Articles, int Analyses, int Notified, int Pending, int Notifying, int Quarantined)
{
    /// <summary>Every article analysed and notified, no delivery pending and no notification half done.</summary>
    public bool Settled(int expectedArticles)
        => Articles == expectedArticles && Analyses == Articles && Notified == Analyses && Pending == 0 && Notifying == 0;

    public static async Task<PipelineState> ReadAsync(BlobServiceClient storage)
        => new(
            await CountAsync(storage, PipelineNames.ArticlesContainer, null),
            await CountAsync(storage, PipelineNames.AnalysesContainer, null),
            await CountAsync(storage, PipelineNames.DeliveriesContainer, "analyses/"),
            await CountAsync(storage, PipelineNames.DeliveriesContainer, "pending/"),
            await CountAsync(storage, PipelineNames.DeliveriesContainer, "notifying/"),
            await CountAsync(storage, PipelineNames.PoisonContainer, null));

    /// <summary>Waits until the run has settled; throws with the last state seen when it does not within the timeout.</summary>
    public static async Task<PipelineState> WaitSettledAsync(BlobServiceClient storage, int expectedArticles, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        PipelineState? state = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                state = await ReadAsync(storage);
                if (state.Settled(expectedArticles))
                {
                    return state;
                }
            }
            catch (Azure.RequestFailedException)
            {
                // Storage not (yet) answering: keep waiting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The run did not settle with {expectedArticles} articles within {timeout}; last seen {state}.");
    }

    private static async Task<int> CountAsync(BlobServiceClient storage, string container, string? prefix)
    {
        var count = 0;
        var client = storage.GetBlobContainerClient(container);
        if (!await client.ExistsAsync())
        {
            return 0;
        }

        await foreach (var _ in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            count++;
        }

        return count;
    }
}
