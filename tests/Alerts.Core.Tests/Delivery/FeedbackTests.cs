using Alerts.Delivery;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Tests.Delivery;

/// <summary>The feedback endpoint's service against Azurite: signed links that edit the subscriptions document under its
/// ETag, once, and refuse anything tampered, expired or spent.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class FeedbackTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Key = "test-signing-key-0123456789-abcdefghijklmnop";
    private MailDev mail = null!;

    public async Task InitializeAsync() => mail = await MailDev.StartAsync();

    public async Task DisposeAsync() => await mail.DisposeAsync();

    private Task<DeliveryHarness> StartAsync(params string[] subscribers) => DeliveryHarness.StartAsync(
        azurite,
        Samples.Subscriptions(subscribers),
        mail.SmtpPort,
        new Dictionary<string, string?> { ["Feedback:BaseUrl"] = "https://alerts.example.test", ["Feedback:SigningKey"] = Key });

    private static string Token(DeliveryHarness harness, FeedbackAction action, string argument = "", string subscriber = "desk", TimeSpan? lifetime = null)
        => harness.Services.GetRequiredService<FeedbackLinks>().Sign(
            new FeedbackToken(subscriber, action, argument, harness.Time.GetUtcNow() + (lifetime ?? TimeSpan.FromDays(1))));

    private static async Task<SubscriptionsDocument> DocumentAsync(DeliveryHarness harness)
        => (await harness.Store.ReadAsync<SubscriptionsDocument>(PipelineNames.ConfigContainer, SubscriptionStore.BlobName, CancellationToken.None))!.Document;

    [Fact]
    public async Task Unsubscribe_GetThenPost_GetOnlyAsksAndPostRemovesTheSubscriberAndRecordsIt()
    {
        await using var harness = await StartAsync(Samples.EmailSubscriber("desk", "desk@example.test"), Samples.EmailSubscriber("other", "other@example.test"));
        var feedback = harness.Services.GetRequiredService<FeedbackService>();
        var token = Token(harness, FeedbackAction.Unsubscribe);

        var confirm = await feedback.ConfirmAsync(token, CancellationToken.None);

        Assert.Equal(200, confirm.Status);
        Assert.Contains("<form method=\"post\"", confirm.Html, StringComparison.Ordinal);
        Assert.Equal(2, (await DocumentAsync(harness)).Subscribers.Count);

        var done = await feedback.ApplyAsync(token, CancellationToken.None);

        Assert.Equal(200, done.Status);
        Assert.Contains("Unsubscribed", done.Html, StringComparison.Ordinal);
        Assert.Equal(["other"], (await DocumentAsync(harness)).Subscribers.Select(s => s.Id));
        var record = (await harness.Store.ReadAsync<FeedbackRecord>(
            PipelineNames.DeliveriesContainer, FeedbackService.RecordName(FeedbackLinks.Fingerprint(token)), CancellationToken.None))!.Document;
        Assert.Equal(FeedbackAction.Unsubscribe, record.Action);
        Assert.True(record.Changed);
        Assert.Equal("desk@example.test", record.Removed!.Channels.Email!.Address);
    }

    [Theory]
    [InlineData("payload")]
    [InlineData("signature")]
    [InlineData("truncated")]
    public async Task Apply_TamperedLink_IsRefusedWithAClearPageAndChangesNothing(string part)
    {
        await using var harness = await StartAsync(Samples.EmailSubscriber("desk", "desk@example.test"));
        var feedback = harness.Services.GetRequiredService<FeedbackService>();
        var token = Token(harness, FeedbackAction.Unsubscribe);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        // Another subscriber's id in a payload signed for "desk", a changed MAC, or a cut link.
        var tampered = part switch
        {
            "payload" => Token(harness, FeedbackAction.Unsubscribe, subscriber: "other")[..dot] + token[dot..],
            "signature" => token[..^2] + (token[^2] == 'A' ? "BB" : "AA"),
            _ => token[..(token.Length / 2)],
        };

        var page = await feedback.ApplyAsync(tampered, CancellationToken.None);

        Assert.Equal(400, page.Status);
        Assert.Contains("This link is not valid", page.Html, StringComparison.Ordinal);
        Assert.Single((await DocumentAsync(harness)).Subscribers);
        Assert.Empty(await RecordsAsync(harness));
    }

    [Fact]
    public async Task Apply_ExpiredLink_IsRefusedAndChangesNothing()
    {
        await using var harness = await StartAsync(Samples.EmailSubscriber("desk", "desk@example.test"));
        var feedback = harness.Services.GetRequiredService<FeedbackService>();
        var token = Token(harness, FeedbackAction.Unsubscribe, lifetime: TimeSpan.FromHours(1));
        harness.Time.Advance(TimeSpan.FromHours(1));

        var page = await feedback.ApplyAsync(token, CancellationToken.None);
        var confirm = await feedback.ConfirmAsync(token, CancellationToken.None);

        Assert.Equal(410, page.Status);
        Assert.Equal(410, confirm.Status);
        Assert.Contains("This link has expired", page.Html, StringComparison.Ordinal);
        Assert.Single((await DocumentAsync(harness)).Subscribers);
    }

    [Fact]
    public async Task Apply_ReplayedLink_AfterTheOperatorResubscribed_ChangesNothing()
    {
        var subscriptions = Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test"));
        await using var harness = await StartAsync(Samples.EmailSubscriber("desk", "desk@example.test"));
        var feedback = harness.Services.GetRequiredService<FeedbackService>();
        var token = Token(harness, FeedbackAction.Unsubscribe);
        Assert.Equal(200, (await feedback.ApplyAsync(token, CancellationToken.None)).Status);
        await azurite.Service.GetBlobContainerClient(PipelineNames.ConfigContainer)
            .GetBlobClient(SubscriptionStore.BlobName).UploadAsync(BinaryData.FromString(subscriptions), overwrite: true);

        var replayed = await feedback.ApplyAsync(token, CancellationToken.None);

        Assert.Equal(409, replayed.Status);
        Assert.Contains("already been used", replayed.Html, StringComparison.Ordinal);
        Assert.Single((await DocumentAsync(harness)).Subscribers);
        Assert.Single(await RecordsAsync(harness));
    }

    [Fact]
    public async Task MuteSpeaker_Post_StopsTheNextAlertQuotingThatSpeakerOnly()
    {
        await using var harness = await StartAsync(Samples.EmailSubscriber("desk", "desk@example.test"));
        var feedback = harness.Services.GetRequiredService<FeedbackService>();

        var page = await feedback.ApplyAsync(Token(harness, FeedbackAction.MuteSpeaker, "Helen Marsh"), CancellationToken.None);
        await harness.NotifyAsync(EmailDeliveryTests.Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");
        await harness.NotifyAsync(EmailDeliveryTests.Analysis("Teresa Campos", "We will not accept troops on Mexican soil.", id: "a2"), "a2.json");

        Assert.Equal(200, page.Status);
        Assert.Equal(["Helen Marsh"], Assert.Single((await DocumentAsync(harness)).Subscribers).Filters.MutedSpeakers);
        var email = Assert.Single(await mail.EmailsAsync());
        Assert.StartsWith("Teresa Campos:", email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotRelevant_Post_IsRecordedWithoutChangingTheFilters()
    {
        await using var harness = await StartAsync(Samples.EmailSubscriber("desk", "desk@example.test"));
        var feedback = harness.Services.GetRequiredService<FeedbackService>();

        var page = await feedback.ApplyAsync(Token(harness, FeedbackAction.NotRelevant, "statement-key"), CancellationToken.None);

        Assert.Equal(200, page.Status);
        var record = Assert.Single(await RecordsAsync(harness));
        Assert.Equal((FeedbackAction.NotRelevant, "statement-key", false), (record.Action, record.Argument, record.Changed));
        Assert.Empty(Assert.Single((await DocumentAsync(harness)).Subscribers).Filters.MutedSpeakers);
    }

    [Fact]
    public async Task Mute_ManyAtOnce_EveryEditSurvivesTheETagConflicts()
    {
        var ids = Enumerable.Range(0, 6).Select(i => $"s{i}").ToList();
        await using var harness = await StartAsync([.. ids.Select(id => Samples.EmailSubscriber(id, $"{id}@example.test"))]);
        var feedback = harness.Services.GetRequiredService<FeedbackService>();
        var tokens = ids.SelectMany(id => new[] { Token(harness, FeedbackAction.MuteSpeaker, "Helen Marsh", id), Token(harness, FeedbackAction.MuteSpeaker, "Teresa Campos", id) }).ToList();

        var pages = await Task.WhenAll(tokens.Select(t => Task.Run(() => feedback.ApplyAsync(t, CancellationToken.None))));

        Assert.All(pages, p => Assert.Equal(200, p.Status));
        var document = await DocumentAsync(harness);
        Assert.All(document.Subscribers, s => Assert.Equal(["Helen Marsh", "Teresa Campos"], s.Filters.MutedSpeakers.Order()));
        Assert.Equal(tokens.Count, (await RecordsAsync(harness)).Count);
    }

    private static async Task<List<FeedbackRecord>> RecordsAsync(DeliveryHarness harness)
    {
        var records = new List<FeedbackRecord>();
        await foreach (var name in harness.Store.ListNamesAsync(PipelineNames.DeliveriesContainer, FeedbackService.RecordsPrefix, CancellationToken.None))
        {
            records.Add((await harness.Store.ReadAsync<FeedbackRecord>(PipelineNames.DeliveriesContainer, name, CancellationToken.None))!.Document);
        }

        return records;
    }
}
