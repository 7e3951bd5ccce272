using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Alerts.Storage;
using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Config;
using Microsoft.Extensions.Logging;

namespace Alerts.Host;

/// <summary>Azurite raises no Event Grid events, so the local host raises BlobCreated itself and hands it to the
/// blobs extension's webhook, as the Functions host does for <c>/runtime/webhooks/blobs</c> on Azure. The blob
/// triggers then use the Event Grid source on both hosts: no container polling, and no blob missed by a scan.</summary>
// IWebHookProvider is marked 'not ready for public consumption', yet it is how the SDK hands hosts its webhooks.
#pragma warning disable CS0618
public sealed partial class LocalEventGrid(BlobServiceClient storage, ILogger<LocalEventGrid> logger) : IWebHookProvider, IBlobEvents
{
    private readonly Dictionary<string, string> functionIdByContainer = new(StringComparer.Ordinal);
    private IAsyncConverter<HttpRequestMessage, HttpResponseMessage>? blobsWebhook;

    /// <summary>Called by each extension that wants a webhook; the blobs extension's handler is the one we need.</summary>
    public Uri GetUrl(IExtensionConfigProvider extension)
    {
        if (extension is IAsyncConverter<HttpRequestMessage, HttpResponseMessage> handler
            && extension.GetType().Namespace?.Contains("Storage.Blobs", StringComparison.Ordinal) == true)
        {
            blobsWebhook = handler;
        }

        return new Uri("http://127.0.0.1/runtime/webhooks/blobs");
    }

    /// <summary>Registers the blob-triggered functions of these classes by their trigger's container.</summary>
    public void RegisterFunctions(params Type[] functionClasses)
    {
        foreach (var method in functionClasses.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
        {
            var trigger = method.GetParameters()
                .Select(p => p.GetCustomAttribute<BlobTriggerAttribute>())
                .FirstOrDefault(a => a is not null);
            if (trigger is not null)
            {
                // The WebJobs SDK identifies a function by its method's full name.
                functionIdByContainer[trigger.BlobPath.Split('/')[0]] = $"{method.DeclaringType!.FullName}.{method.Name}";
            }
        }
    }

#pragma warning restore CS0618

    public async Task BlobCreatedAsync(string container, string name, string etag, CancellationToken cancellationToken)
    {
        if (!functionIdByContainer.TryGetValue(container, out var functionId))
        {
            return;
        }

        if (blobsWebhook is null)
        {
            throw new InvalidOperationException("The blobs extension has not registered its webhook; is the job host started?");
        }

        var url = storage.GetBlobContainerClient(container).GetBlobClient(name).Uri;
        var body = JsonSerializer.Serialize(new[]
        {
            new
            {
                topic = $"/local/storageAccounts/{storage.AccountName}",
                subject = $"/blobServices/default/containers/{container}/blobs/{name}",
                eventType = "Microsoft.Storage.BlobCreated",
                id = Guid.NewGuid().ToString(),
                eventTime = DateTimeOffset.UtcNow,
                dataVersion = "",
                metadataVersion = "1",
                data = new
                {
                    api = "PutBlob",
                    eTag = etag.Trim('"'),
                    contentType = "application/json",
                    blobType = "BlockBlob",
                    url = url.AbsoluteUri,
                },
            },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1/runtime/webhooks/blobs?functionName={Uri.EscapeDataString(functionId)}")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("aeg-event-type", "Notification");
        using var response = await blobsWebhook.ConvertAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The blobs webhook refused the BlobCreated event for {container}/{name}: HTTP {(int)response.StatusCode}.");
        }

        LogRaised(logger, container, name, functionId);
    }

    [LoggerMessage(9101, LogLevel.Debug, "BlobCreated {Container}/{Name} raised for {FunctionId}")]
    private static partial void LogRaised(ILogger logger, string container, string name, string functionId);
}
