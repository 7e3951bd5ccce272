namespace Alerts.Storage;

/// <summary>Storage's BlobCreated event. On Azure, Event Grid raises it for the blob triggers; the local host raises
/// it itself, as Azurite has no Event Grid. Replay and tests that need no triggers raise nothing.</summary>
public interface IBlobEvents
{
    Task BlobCreatedAsync(string container, string name, string etag, CancellationToken cancellationToken);
}

/// <summary>Nothing to raise: Event Grid does it on Azure, and replay has no triggers.</summary>
public sealed class NoBlobEvents : IBlobEvents
{
    public Task BlobCreatedAsync(string container, string name, string etag, CancellationToken cancellationToken) => Task.CompletedTask;
}
