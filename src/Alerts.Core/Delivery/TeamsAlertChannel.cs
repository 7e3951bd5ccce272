using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Alerts.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Alerts.Delivery;

/// <summary>Posts an Adaptive Card to a Teams Workflows webhook. The URL is a secret: it is read from the setting the
/// subscriber names, at send time (so a rotated Key Vault secret applies), and never logged or recorded.</summary>
public sealed class TeamsAlertChannel(
    IHttpClientFactory httpClients, IConfiguration configuration, IOptionsMonitor<TeamsOptions> options, FeedbackLinks links, TimeProvider time) : IAlertChannel
{
    public const string HttpClientName = "teams";
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest a post waits for its pacing slot; a later slot is left to the redrive, so that a send never
    /// outlasts its lease (Teams:Timeout plus this).</summary>
    public static readonly TimeSpan MaxPacingDelay = TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, DateTimeOffset> nextPost = new(StringComparer.Ordinal);

    public string Name => "teams";

    public string? AddressFor(Subscriber subscriber)
        => subscriber.Channels?.Teams?.WebhookSetting is { Length: > 0 } setting ? setting : null;

    public async Task<DeliveryOutcome> SendAsync(DeliveryRecord delivery, CancellationToken cancellationToken)
    {
        // Checked again here, not only when the subscriptions are read: a record queued before the rule was in force
        // names its setting too.
        if (TeamsOptions.WebhookKey(delivery.Address) is not { } key)
        {
            return DeliveryOutcome.Permanent($"setting '{delivery.Address}' is not in the Teams__Webhooks__ section");
        }

        var url = configuration.GetSection(TeamsOptions.WebhooksSection)[key];
        // A missing or unresolved setting is an outage of the configuration, not of this delivery: it waits for the fix.
        if (string.IsNullOrWhiteSpace(url))
        {
            return DeliveryOutcome.Blocked($"setting '{delivery.Address}' (the Teams webhook URL) is not set");
        }

        if (KeyVaultReference.IsUnresolved(url))
        {
            return DeliveryOutcome.Blocked($"setting '{delivery.Address}' (the Teams webhook URL) is an unresolved Key Vault reference");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && options.CurrentValue.AllowLoopbackWebhooks)))
        {
            return DeliveryOutcome.Permanent($"setting '{delivery.Address}' is not an https URL (plain http only to loopback, with Teams:AllowLoopbackWebhooks)");
        }

        using var content = new StringContent(TeamsCard.Payload(delivery, links.For(delivery)), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        if (await PaceAsync(delivery.Address, cancellationToken) is { } busy)
        {
            return DeliveryOutcome.Transient("more posts are queued for this webhook than its pacing allows now", busy);
        }

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(uri, content, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                // Workflows answers 202 once the run is queued; a failed run shows only in its run history.
                return DeliveryOutcome.Success;
            }

            // The reason phrase is the server's text: a proxy may echo the URL, signature and all.
            var reason = $"webhook answered HTTP {status} {Redact.Secrets(response.ReasonPhrase, url, uri.PathAndQuery, uri.Query)}";
            return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status >= 500
                ? DeliveryOutcome.Transient(reason, RetryAfter(response))
                : DeliveryOutcome.Permanent(reason);
        }
        catch (HttpRequestException e)
        {
            // The message may hold the host name but not the path, where the secret signature is.
            return DeliveryOutcome.Transient($"webhook unreachable: {e.HttpRequestError}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Transient("webhook timed out");
        }
    }

    /// <summary>Workflows webhooks follow Power Automate's limits: at most one post per second per webhook from this
    /// process (instances are not coordinated; 429s from the service are retried with its Retry-After).</summary>
    /// <returns>Null once the post may go; otherwise how long until this webhook's next free slot, when that is
    /// further away than <see cref="MaxPacingDelay"/> (no slot is taken then).</returns>
    private async Task<TimeSpan?> PaceAsync(string webhook, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (nextPost)
        {
            var now = time.GetUtcNow();
            var slot = nextPost.TryGetValue(webhook, out var next) && next > now ? next : now;
            wait = slot - now;
            if (wait > MaxPacingDelay)
            {
                return wait;
            }

            nextPost[webhook] = slot + MinInterval;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        return null;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
        => response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero,
            _ => null,
        };
}
