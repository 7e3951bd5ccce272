using Alerts.Functions;
using Alerts.Storage;
using Microsoft.Extensions.Configuration;

namespace Alerts.Tests.Functions;

/// <summary>The Azure app reads the identity-based storage settings the Bicep sets, as the Functions host does.</summary>
public sealed class StorageConnectionTests
{
    [Fact]
    public void CreateBlobServiceClient_IdentityBasedSettings_UsesTheBlobServiceUri()
    {
        var client = StorageConnection.CreateBlobServiceClient(Settings(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://stalertsdev.blob.core.windows.net/",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }));

        Assert.Equal(new Uri("https://stalertsdev.blob.core.windows.net/"), client.Uri);
        Assert.Equal("stalertsdev", client.AccountName);
    }

    [Fact]
    public void CreateBlobServiceClient_ConnectionString_WinsOverIdentitySettings()
    {
        var client = StorageConnection.CreateBlobServiceClient(Settings(new()
        {
            [PipelineNames.StorageConnection] = "UseDevelopmentStorage=true",
            ["AzureWebJobsStorage:blobServiceUri"] = "https://stalertsdev.blob.core.windows.net/",
        }));

        Assert.Equal("devstoreaccount1", client.AccountName);
    }

    [Fact]
    public void CreateBlobServiceClient_NoStorageSetting_NamesTheSettingsToSet()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.CreateBlobServiceClient(Settings(new())));

        Assert.Contains("AzureWebJobsStorage__blobServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBlobServiceClient_PlainHttpServiceUri_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.CreateBlobServiceClient(Settings(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "http://stalertsdev.blob.core.windows.net/",
        })));

        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
