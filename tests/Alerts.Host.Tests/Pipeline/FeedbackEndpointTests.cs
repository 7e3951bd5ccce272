using System.Net;
using Alerts.Analysis;
using Alerts.Delivery;
using Alerts.Pipeline;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Alerts.Tests.Shared;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Tests.Pipeline;

/// <summary>The local host's feedback endpoint on 127.0.0.1: a mail client's RFC 8058 one-click POST to the link in an
/// alert's List-Unsubscribe header stops the next alert to that subscriber, and only to them (issue 20).</summary>
public sealed class FeedbackEndpointTests : IAsyncLifetime
{
    private const string BlobName = "example-org-lang-feedback.json";
    private Azurite azurite = null!;
    private MailDev mail = null!;
    private string subscriptions = null!;

    public async Task InitializeAsync()
    {
        azurite = await Azurite.StartAsync();
        mail = await MailDev.StartAsync();
        subscriptions = Path.Combine(Path.GetTempPath(), $"alerts-feedback-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(subscriptions, """
            {"subscribers": [
              {"id": "desk", "name": "News desk", "channels": {"email": {"address": "desk@example.test"}}, "filters": {"countries": ["MX"]}},
              {"id": "other", "name": "Other desk", "channels": {"email": {"address": "other@example.test"}}}
            ]}
            """);
    }

    public async Task DisposeAsync()
    {
        File.Delete(subscriptions);
        await mail.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task OneClickPost_ToTheLinkInListUnsubscribe_StopsTheNextAlertToThatSubscriber()
    {
        var port = LocalProcess.FreePort();
        await using var pipeline = await PipelineHarness.StartAsync(azurite, mail, "http://127.0.0.1:9", new Dictionary<string, string?>
        {
            ["Reconcile:GracePeriod"] = "00:00:00",
            ["Notify:SubscriptionsFile"] = subscriptions,
            ["Feedback:BaseUrl"] = $"http://127.0.0.1:{port}",
            ["Feedback:SigningKey"] = "host-test-signing-key-0123456789-abcdefgh",
            ["Feedback:ListenPort"] = $"{port}",
        });
        await pipeline.Storage.GetBlobContainerClient(PipelineNames.ArticlesContainer)
            .UploadBlobAsync(BlobName, BinaryData.FromObjectAsJson(LangArticle.For(BlobName, "lang-feedback"), AlertsJson.Options));
        await pipeline.Services.GetRequiredService<IJobHost>().CallAsync(
            FunctionNames.Reconcile,
            new Dictionary<string, object?> { ["timer"] = new TimerInfo(new ConstantSchedule(TimeSpan.FromMinutes(10)), new ScheduleStatus()) });
        await pipeline.WaitUntilDeliveredAsync(expectedArticles: 1, TimeSpan.FromSeconds(60));

        var first = (await mail.EmailsAsync()).Single(e => e.To.Single().Address == "desk@example.test");
        // What the subscriber reads: the speaker, the context sentence before the quote, why they got it, the links.
        Assert.Contains("Victor Lang", first.Text, StringComparison.Ordinal);
        Assert.Contains("Context: Defense Secretary Victor Lang spoke to reporters at the Pentagon on Thursday.", first.Text, StringComparison.Ordinal);
        Assert.Contains("New statement \u00B7 in English (en)", first.Text, StringComparison.Ordinal);
        Assert.Contains("Why you got this: You follow country Mexico.", first.Text, StringComparison.Ordinal);
        var source = await mail.SourceAsync(first.Id);
        Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click", source, StringComparison.Ordinal);
        var unfolded = System.Text.RegularExpressions.Regex.Replace(source, @"\r?\n[ \t]+", " ");
        var link = System.Text.RegularExpressions.Regex.Match(unfolded, @"List-Unsubscribe: <(http[^>]+)>, <mailto:").Groups[1].Value;
        Assert.StartsWith($"http://127.0.0.1:{port}/api/feedback?t=", link, StringComparison.Ordinal);

        using var http = new HttpClient();
        // A scanner's GET changes nothing; the mail client's one-click POST (RFC 8058) unsubscribes.
        using (var preview = await http.GetAsync(new Uri(link)))
        {
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            Assert.Contains("<form method=\"post\"", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var oneClick = await http.PostAsync(new Uri(link), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("Unsubscribed", await oneClick.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var replay = await http.PostAsync(new Uri(link), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);

        await mail.ClearAsync();
        await NotifyAsync(pipeline, "second.json", "Victor Lang", "Our ships will stay in Mexican waters as long as the cartels operate there.");

        var next = Assert.Single(await mail.EmailsAsync());
        Assert.Equal("other@example.test", Assert.Single(next.To).Address);
        Assert.Contains("Our ships will stay", next.Subject, StringComparison.Ordinal);
    }

    private static async Task NotifyAsync(PipelineHarness pipeline, string name, string speaker, string text)
    {
        var analysis = new ArticleAnalysis
        {
            ArticleId = Path.GetFileNameWithoutExtension(name),
            ArticleUrl = $"https://news.example.org/2026/{name}",
            Source = "Example Wire",
            Title = $"{speaker} on Mexico",
            Published = new DateTimeOffset(2026, 3, 5, 15, 0, 0, TimeSpan.Zero),
            Analyzed = new DateTimeOffset(2026, 3, 5, 15, 1, 0, TimeSpan.Zero),
            Analyzer = "offline",
            Sentiment = SentimentScore.Neutral,
            Statements = [new Statement("s1", new Speaker(speaker, "Defense Secretary", SpeakerKind.Person), text, StatementKind.Direct, 0, text.Length, -0.3, 0.9, ["military"])],
        };
        using var json = new MemoryStream(BinaryData.FromObjectAsJson(analysis, AlertsJson.Options).ToArray());
        await pipeline.Services.GetRequiredService<NotifySubscribersStep>().RunAsync(json, name, CancellationToken.None);
    }
}
