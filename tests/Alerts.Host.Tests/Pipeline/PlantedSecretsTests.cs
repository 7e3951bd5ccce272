using System.Text.Json;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Alerts.Tests.Pipeline;

/// <summary>Secrets planted in the settings never come out: not in a log line or exception, a delivery record, an
/// analysis or any other stored document, while the Language service, the Teams webhook and SMTP all fail.</summary>
public sealed class PlantedSecretsTests : IAsyncLifetime
{
    private const string SmtpPassword = "PLANTED-smtp-pass-7Qx2";
    private const string LanguageKey = "PLANTED-language-key-9Kd4";
    private const string WebhookSignature = "PLANTED-sig-3Vn8";
    private readonly string subscriptions = Path.Combine(Path.GetTempPath(), $"subscriptions-{Guid.NewGuid():N}.json");
    private Azurite azurite = null!;
    private MailDev mail = null!;
    private SampleFeedServer feeds = null!;
    private LocalHttpServer services = null!;

    public async Task InitializeAsync()
    {
        azurite = await Azurite.StartAsync();
        // maildev wants another password than the one configured: every email fails authentication.
        mail = await MailDev.StartAsync("--incoming-user", "alerts", "--incoming-pass", "not-the-planted-one");
        feeds = await SampleFeedServer.StartAsync();
        services = await LocalHttpServer.StartAsync();
        await File.WriteAllTextAsync(subscriptions, """
            {
              "subscribers": [
                {
                  "id": "desk",
                  "name": "News desk",
                  "channels": { "email": { "address": "desk@example.test" }, "teams": { "webhookSetting": "Teams__Webhooks__Desk" } },
                  "filters": { "minRelevance": 0 },
                  "cadence": "immediate"
                }
              ]
            }
            """);
    }

    public async Task DisposeAsync()
    {
        File.Delete(subscriptions);
        await services.DisposeAsync();
        await feeds.DisposeAsync();
        await mail.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Host_FailingLanguageTeamsAndSmtp_LeaksNoPlantedSecret()
    {
        // A Language front end that echoes the key it was sent, as a misbehaving proxy might.
        services.Map("/language/:analyze-text", async context =>
        {
            context.Response.StatusCode = 401;
            context.Response.ContentType = "application/json";
            var key = context.Request.Headers["Ocp-Apim-Subscription-Key"].ToString();
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code = "401", message = $"Access denied: invalid key {key}." } }));
        });
        // A webhook that fails every other post, echoing the address it was called at in its reason phrase.
        var posts = 0;
        services.Map("/workflows/desk", context =>
        {
            var failing = Interlocked.Increment(ref posts) % 2 == 1;
            context.Response.StatusCode = failing ? 500 : 202;
            if (failing)
            {
                context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = $"no workflow at {context.Request.Path}{context.Request.QueryString}";
            }

            return Task.CompletedTask;
        });
        // A feed that fails, so fetch records a failure too.
        services.MapContent("/feeds/broken.xml", "down", "text/plain", status: 503);
        var webhook = services.Url($"workflows/desk?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={WebhookSignature}").AbsoluteUri;
        var storageKey = azurite.ConnectionString.Split(';').Single(p => p.StartsWith("AccountKey=", StringComparison.Ordinal))["AccountKey=".Length..];
        var logs = new CapturingLoggerProvider();

        await using (var pipeline = await PipelineHarness.StartAsync(azurite, mail, feeds.BaseUrl, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Fetch:Sources:2:Name"] = "Broken Wire",
            ["Fetch:Sources:2:Url"] = services.Url("feeds/broken.xml").AbsoluteUri,
            ["Smtp:UserName"] = "alerts",
            ["Smtp:Password"] = SmtpPassword,
            ["Teams:Webhooks:Desk"] = webhook,
            ["Analysis:Analyzer"] = "AzureLanguage",
            ["Analysis:Language:Endpoint"] = services.BaseUri.AbsoluteUri,
            ["Analysis:Language:Key"] = LanguageKey,
            ["Analysis:Language:MaxRetries"] = "0",
            ["Notify:SubscriptionsFile"] = subscriptions,
        }, logs))
        {
            await pipeline.WaitUntilDeliveredAsync(expectedArticles: 4, TimeSpan.FromSeconds(90));
            // The failures happened: Language was asked, the webhook refused some posts.
            Assert.True(services.CountRequests("/language/:analyze-text") > 0);
            Assert.True(posts > 1);

            var documents = new List<string>();
            foreach (var container in PipelineNames.Containers)
            {
                var client = pipeline.Storage.GetBlobContainerClient(container);
                await foreach (var blob in client.GetBlobsAsync())
                {
                    documents.Add($"{container}/{blob.Name}: {(await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content}");
                }
            }

            Assert.Contains(documents, d => d.StartsWith("deliveries/", StringComparison.Ordinal) && d.Contains("HTTP 500", StringComparison.Ordinal));
            Assert.Contains(documents, d => d.StartsWith("deliveries/", StringComparison.Ordinal) && d.Contains("authentication", StringComparison.OrdinalIgnoreCase));
            AssertNoSecret(documents, [SmtpPassword, LanguageKey, WebhookSignature, webhook, storageKey]);
        }

        Assert.Contains(logs.Entries, e => e.Message.Contains("401", StringComparison.Ordinal));
        AssertNoSecret(logs.Entries.Select(e => $"{e.Level} {e.EventId} {e.Message} {e.Exception}"), [SmtpPassword, LanguageKey, WebhookSignature, webhook, storageKey]);
    }

    private static void AssertNoSecret(IEnumerable<string> texts, string[] secrets)
    {
        var leaks = texts.Where(t => secrets.Any(s => t.Contains(s, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, "Secrets leaked:\n" + string.Join("\n", leaks.Take(10)));
    }
}
