using Azure.Storage.Blobs;

namespace Alerts.Storage;

/// <summary>Builds the blob client from the Functions storage setting.</summary>
public static class StorageClientFactory
{
    public static BlobServiceClient Create(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Setting '{PipelineNames.StorageConnection}' is missing: set it to a storage connection string " +
                "(UseDevelopmentStorage=true for Azurite).");
        }

        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        try
        {
            return new BlobServiceClient(connectionString, options);
        }
        catch (FormatException e)
        {
            // The message must name the setting but never echo the value: it may hold an account key.
            throw new InvalidOperationException(
                $"Setting '{PipelineNames.StorageConnection}' is not a valid storage connection string.", e);
        }
    }
}
