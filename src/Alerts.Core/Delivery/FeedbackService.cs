using System.Net;
using Alerts.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Delivery;

/// <summary>What the endpoint answers: a status code and a whole HTML page.</summary>
public sealed record FeedbackPage(int Status, string Html);

/// <summary>The record of one link acted on, <c>deliveries/feedback/{fingerprint}.json</c>: what was asked, when, and
/// whether the subscriptions changed. Its existence makes the link spent; an unsubscribed subscriber's entry is kept
/// in it, so an operator can restore them.</summary>
public sealed record FeedbackRecord(
    string Link,
    string SubscriberId,
    FeedbackAction Action,
    string Argument,
    DateTimeOffset At,
    DateTimeOffset Expires,
    bool Changed)
{
    public Subscriber? Removed { get; init; }
}

/// <summary>The feedback endpoint of both hosts: checks a signed link and, on POST, does what it says to the
/// subscriptions document under its ETag and records it. GET only shows a confirmation page with a POST form, because
/// mail scanners and link previews fetch every link in a message. A tampered, expired or spent link gets a page saying
/// so and changes nothing.</summary>
public sealed class FeedbackService(
    FeedbackLinks links,
    SubscriptionStore subscriptions,
    BlobDocumentStore store,
    IOptionsMonitor<FeedbackOptions> options,
    TimeProvider time,
    ILogger<FeedbackService> logger)
{
    public const string RecordsPrefix = "feedback/";

    /// <summary>GET: what the link would do, as a page with one button.</summary>
    public async Task<FeedbackPage> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        var (link, rejection) = await UsableAsync(token, cancellationToken);
        if (link is null)
        {
            return rejection!;
        }

        var subscriber = await subscriptions.FindAsync(link.SubscriberId, cancellationToken);
        if (subscriber is null)
        {
            return NotSubscribed(link);
        }

        var (title, question, button) = link.Action switch
        {
            FeedbackAction.Unsubscribe => ("Unsubscribe", $"Stop every alert and digest to {subscriber.Name}?", "Unsubscribe"),
            FeedbackAction.MuteSpeaker => ("Mute this speaker", $"Stop alerts quoting {link.Argument} to {subscriber.Name}?", $"Mute {link.Argument}"),
            _ => ("Not relevant", $"Tell the editors this statement was not relevant to {subscriber.Name}?", "Not relevant"),
        };
        return new FeedbackPage(200, Page(title, $"""
            <p>{E(question)}</p>
            <form method="post" action="?{FeedbackLinks.TokenParameter}={E(Uri.EscapeDataString(token!))}">
            <button type="submit" style="font-size:1.1em;padding:8px 16px">{E(button)}</button>
            </form>
            """));
    }

    /// <summary>POST (the form, or a mail client's RFC 8058 one-click): does it, once.</summary>
    public async Task<FeedbackPage> ApplyAsync(string? token, CancellationToken cancellationToken)
    {
        var (link, rejection) = await UsableAsync(token, cancellationToken);
        if (link is null)
        {
            return rejection!;
        }

        var fingerprint = FeedbackLinks.Fingerprint(token!);
        Subscriber? removed = null;
        // Seeds the document from Notify:SubscriptionsFile when it does not exist yet.
        await subscriptions.DocumentAsync(cancellationToken);
        var outcome = await subscriptions.EditAsync(
            document =>
            {
                var index = document.Subscribers.FindIndex(s => string.Equals(s.Id, link.SubscriberId, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    return null;
                }

                var subscriber = document.Subscribers[index];
                switch (link.Action)
                {
                    case FeedbackAction.Unsubscribe:
                        removed = subscriber;
                        return document with { Subscribers = [.. document.Subscribers.Where((_, i) => i != index)] };
                    case FeedbackAction.MuteSpeaker when !subscriber.Filters.MutedSpeakers.Contains(link.Argument, StringComparer.OrdinalIgnoreCase):
                        var muted = subscriber with { Filters = subscriber.Filters with { MutedSpeakers = [.. subscriber.Filters.MutedSpeakers, link.Argument] } };
                        return document with { Subscribers = [.. document.Subscribers.Select((s, i) => i == index ? muted : s)] };
                    default:
                        // Not relevant changes no filter: it is a signal for whoever tunes the topic, kept in its record.
                        return null;
                }
            },
            options.CurrentValue.MaxEditAttempts,
            cancellationToken);

        if (outcome is SubscriptionsEdit.Invalid or SubscriptionsEdit.Conflict)
        {
            Log.FeedbackEditFailed(logger, link.SubscriberId, link.Action, outcome);
            return new FeedbackPage(503, Page("Please try again later", "<p>Your request could not be saved just now. Nothing was changed; please use the link again in a few minutes.</p>"));
        }

        var changed = outcome == SubscriptionsEdit.Changed;
        var record = new FeedbackRecord(fingerprint, link.SubscriberId, link.Action, link.Argument, time.GetUtcNow(), link.Expires, changed) { Removed = removed };
        if (!await store.TryCreateAsync(PipelineNames.DeliveriesContainer, RecordName(fingerprint), record, cancellationToken))
        {
            // The same link posted twice at once: the other request recorded it, and the edit is the same.
            Log.FeedbackReplayed(logger, link.SubscriberId, link.Action, fingerprint);
        }
        else
        {
            Log.FeedbackApplied(logger, link.SubscriberId, link.Action, link.Argument, changed);
        }

        if (outcome == SubscriptionsEdit.Missing || (!changed && link.Action == FeedbackAction.Unsubscribe))
        {
            return NotSubscribed(link);
        }

        return link.Action switch
        {
            FeedbackAction.Unsubscribe => new FeedbackPage(200, Page("Unsubscribed", "<p>You will receive no more alerts or digests. An administrator can subscribe you again.</p>")),
            FeedbackAction.MuteSpeaker => new FeedbackPage(200, Page("Speaker muted", $"<p>You will receive no more alerts quoting {E(link.Argument)}.</p>")),
            _ => new FeedbackPage(200, Page("Thank you", "<p>The statement was marked not relevant; the editors will see it.</p>")),
        };
    }

    public static string RecordName(string fingerprint) => $"{RecordsPrefix}{fingerprint}.json";

    /// <summary>The link's request when it is signed, unexpired and unspent; otherwise the page that says why not.</summary>
    private async Task<(FeedbackToken? Link, FeedbackPage? Rejection)> UsableAsync(string? token, CancellationToken cancellationToken)
    {
        var check = links.Check(token, time.GetUtcNow(), out var link);
        switch (check)
        {
            case TokenCheck.Valid:
                break;
            case TokenCheck.Expired:
                Log.FeedbackRejected(logger, FeedbackLinks.Describe(check), link!.SubscriberId);
                return (null, new FeedbackPage(410, Page("This link has expired", "<p>Links in alerts work for a limited time. Use the links in a more recent alert, or ask an administrator.</p>")));
            case TokenCheck.NoKey:
                Log.FeedbackRejected(logger, FeedbackLinks.Describe(check), "");
                return (null, new FeedbackPage(503, Page("Not available", "<p>This service cannot check links at the moment. Nothing was changed.</p>")));
            default:
                Log.FeedbackRejected(logger, FeedbackLinks.Describe(check), "");
                return (null, new FeedbackPage(400, Page("This link is not valid", "<p>The link is incomplete or was changed. Nothing was changed; copy the whole link from the alert.</p>")));
        }

        var fingerprint = FeedbackLinks.Fingerprint(token!);
        if (await store.ExistsAsync(PipelineNames.DeliveriesContainer, RecordName(fingerprint), cancellationToken))
        {
            Log.FeedbackReplayed(logger, link!.SubscriberId, link.Action, fingerprint);
            return (null, new FeedbackPage(409, Page("This link has already been used", "<p>It was acted on before, so nothing was changed now.</p>")));
        }

        return (link, null);
    }

    private static FeedbackPage NotSubscribed(FeedbackToken link)
        => new(200, Page("Not subscribed", $"<p>{E(link.SubscriberId)} is not subscribed (any more). Nothing was changed.</p>"));

    private static string Page(string title, string body)
        => $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>{E(title)} · Alerts</title></head>
            <body style="font-family:Segoe UI,Arial,sans-serif;max-width:36em;margin:2em auto;padding:0 1em">
            <h1 style="font-size:1.4em">{E(title)}</h1>
            {body}
            </body></html>
            """;

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
