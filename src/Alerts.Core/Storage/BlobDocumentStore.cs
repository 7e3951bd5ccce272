using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Alerts.Storage;

/// <summary>JSON documents in blob containers, with the create-once and compare-and-swap writes the pipeline's
/// idempotency rests on.</summary>
public sealed class BlobDocumentStore(BlobServiceClient service, IBlobEvents events)
{
    public async Task EnsureContainersAsync(CancellationToken cancellationToken)
    {
        foreach (var name in PipelineNames.Containers)
        {
            await service.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }

    /// <summary>Writes the document only if no blob of that name exists; false when one does.</summary>
    public async Task<bool> TryCreateAsync<T>(string container, string name, T document, CancellationToken cancellationToken)
    {
        try
        {
            var created = await Blob(container, name).UploadAsync(
                Serialize(document),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = JsonHeaders,
                },
                cancellationToken);
            await events.BlobCreatedAsync(container, name, created.Value.ETag.ToString(), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task UpsertAsync<T>(string container, string name, T document, CancellationToken cancellationToken)
        => await Blob(container, name).UploadAsync(
            Serialize(document), new BlobUploadOptions { HttpHeaders = JsonHeaders }, cancellationToken);

    /// <summary>Replaces the document only if it still has <paramref name="etag"/>; false when someone else wrote first.</summary>
    public async Task<bool> TryReplaceAsync<T>(
        string container, string name, T document, ETag etag, CancellationToken cancellationToken)
        => await TryReplaceGettingETagAsync(container, name, document, etag, cancellationToken) is not null;

    /// <summary>As <see cref="TryReplaceAsync"/>, returning the new ETag (for a later write conditional on this one), or
    /// null when someone else wrote first.</summary>
    public async Task<ETag?> TryReplaceGettingETagAsync<T>(
        string container, string name, T document, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            var replaced = await Blob(container, name).UploadAsync(
                Serialize(document),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfMatch = etag },
                    HttpHeaders = JsonHeaders,
                },
                cancellationToken);
            return replaced.Value.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    public async Task<StoredDocument<T>?> ReadAsync<T>(string container, string name, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Blob(container, name).DownloadContentAsync(cancellationToken);
            var document = result.Value.Content.ToObjectFromJson<T>(AlertsJson.Options)
                ?? throw new JsonException($"Blob {container}/{name} holds JSON null.");
            return new StoredDocument<T>(document, result.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string container, string name, CancellationToken cancellationToken)
        => await Blob(container, name).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public async Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken)
        => (await Blob(container, name).ExistsAsync(cancellationToken)).Value;

    public async IAsyncEnumerable<string> ListNamesAsync(
        string container, string? prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = service.GetBlobContainerClient(container);
        await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            yield return item.Name;
        }
    }

    /// <summary>The blobs of a container with their creation times, for scans that go oldest first.</summary>
    public async IAsyncEnumerable<StoredBlob> ListBlobsAsync(
        string container, string? prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = service.GetBlobContainerClient(container);
        await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            yield return new StoredBlob(item.Name, item.Properties.CreatedOn ?? item.Properties.LastModified ?? DateTimeOffset.MinValue);
        }
    }

    /// <summary>The blob's bytes as a fresh stream, as a trigger would hand them over; null when it does not exist.</summary>
    public async Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await Blob(container, name).DownloadContentAsync(cancellationToken)).Value.Content.ToStream();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The blob's bytes, unless it still has <paramref name="ifNoneMatch"/> or does not exist: for documents an
    /// operator edits, which are re-read only when they change.</summary>
    public async Task<BlobContent> ReadIfChangedAsync(string container, string name, ETag? ifNoneMatch, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Blob(container, name).DownloadContentAsync(
                new BlobDownloadOptions { Conditions = ifNoneMatch is { } etag ? new BlobRequestConditions { IfNoneMatch = etag } : null },
                cancellationToken);
            // The SDK may return 304 rather than throw it.
            return response.GetRawResponse().Status == 304
                ? BlobContent.NotModified
                : new BlobContent(BlobContentStatus.Found, response.Value.Content, response.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 304)
        {
            return BlobContent.NotModified;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return BlobContent.Missing;
        }
    }

    /// <summary>Uploads <paramref name="content"/> as it is (an operator's file, not a serialized document) only if no
    /// blob of that name exists, creating the container if need be; false when one does.</summary>
    public async Task<bool> TryCreateFromStreamAsync(string container, string name, Stream content, CancellationToken cancellationToken)
    {
        await service.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            var created = await Blob(container, name).UploadAsync(
                content,
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = JsonHeaders,
                },
                cancellationToken);
            await events.BlobCreatedAsync(container, name, created.Value.ETag.ToString(), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    private static readonly BlobHttpHeaders JsonHeaders = new() { ContentType = "application/json; charset=utf-8" };

    private BlobClient Blob(string container, string name) => service.GetBlobContainerClient(container).GetBlobClient(name);

    private static BinaryData Serialize<T>(T document) => BinaryData.FromObjectAsJson(document, AlertsJson.Options);
}

public sealed record StoredDocument<T>(T Document, ETag ETag);

public sealed record StoredBlob(string Name, DateTimeOffset Created);

public enum BlobContentStatus
{
    Found,
    NotModified,
    Missing,
}

public sealed record BlobContent(BlobContentStatus Status, BinaryData? Content = null, ETag? ETag = null)
{
    public static BlobContent NotModified { get; } = new(BlobContentStatus.NotModified);

    public static BlobContent Missing { get; } = new(BlobContentStatus.Missing);
}
