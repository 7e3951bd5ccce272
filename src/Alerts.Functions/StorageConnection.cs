using Alerts.Storage;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Functions;

/// <summary>On Azure the storage setting is identity-based, as the Functions host reads it:
/// <c>AzureWebJobsStorage__blobServiceUri</c> (or <c>__accountName</c>), <c>__credential=managedidentity</c> and
/// <c>__clientId</c> of the user-assigned identity. A plain <c>AzureWebJobsStorage</c> connection string (Azurite)
/// still wins when it is set.</summary>
public static class StorageConnection
{
    public static IServiceCollection AddIdentityBasedStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Replace(ServiceDescriptor.Singleton(_ => CreateBlobServiceClient(configuration)));
        return services;
    }

    public static BlobServiceClient CreateBlobServiceClient(IConfiguration configuration)
    {
        var section = configuration.GetSection(PipelineNames.StorageConnection);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return StorageClientFactory.Create(section.Value);
        }

        var serviceUri = BlobServiceUri(section)
            ?? throw new InvalidOperationException(
                $"Setting '{PipelineNames.StorageConnection}' is missing: set a connection string, or " +
                $"'{PipelineNames.StorageConnection}__blobServiceUri' (or '__accountName') for an identity-based connection.");
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return new BlobServiceClient(serviceUri, Credential(section), options);
    }

    internal static Uri? BlobServiceUri(IConfigurationSection section)
    {
        if (section["blobServiceUri"] is { Length: > 0 } uri)
        {
            return Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme == Uri.UriSchemeHttps
                ? parsed
                : throw new InvalidOperationException($"Setting '{PipelineNames.StorageConnection}__blobServiceUri' must be an https URL.");
        }

        return section["accountName"] is { Length: > 0 } account ? new Uri($"https://{account}.blob.core.windows.net") : null;
    }

    internal static TokenCredential Credential(IConfigurationSection section)
        => string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(section["clientId"] is { Length: > 0 } clientId
                ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
}
