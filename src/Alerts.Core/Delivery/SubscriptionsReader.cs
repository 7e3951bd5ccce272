using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Alerts.Storage;

namespace Alerts.Delivery;

/// <summary>The outcome of reading a subscriptions document: the document, or every error found, each naming the
/// subscriber and the field.</summary>
public sealed record SubscriptionsReadResult(SubscriptionsDocument? Document, IReadOnlyList<string> Errors)
{
    public bool IsValid => Document is not null && Errors.Count == 0;
}

/// <summary>Parses and validates the subscriptions document with schema-like checks: unknown fields, types, required
/// values, ranges, unique ids, e-mail addresses, setting names, IANA time zones.</summary>
public static class SubscriptionsReader
{
    private static readonly JsonSerializerOptions Json = new(AlertsJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string[] SentimentLabels = ["negative", "neutral", "positive"];

    public static SubscriptionsReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        SubscriptionsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<SubscriptionsDocument>(utf8Json, Json);
        }
        catch (JsonException e)
        {
            // The path names the subscriber index and field, e.g. $.subscribers[2].cadence.
            return new(null, [$"{e.Path ?? "$"}: {FirstSentence(e.Message)}"]);
        }

        if (document is null)
        {
            return new(null, ["$: the document is null; expected {\"subscribers\": [...]}."]);
        }

        var errors = Validate(document);
        return new(errors.Count == 0 ? document : null, errors);
    }

    public static List<string> Validate(SubscriptionsDocument document)
    {
        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < document.Subscribers.Count; i++)
        {
            var s = document.Subscribers[i];
            if (s is null)
            {
                errors.Add($"subscribers[{i}]: is null.");
                continue;
            }

            var label = string.IsNullOrWhiteSpace(s.Id) ? $"subscribers[{i}]" : $"subscribers[{i}] ('{s.Id}')";
            void Error(string field, string message) => errors.Add($"{label}: {field} {message}");

            if (string.IsNullOrWhiteSpace(s.Id))
            {
                Error("id", "is required.");
            }
            else if (!s.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || s.Id.Length > 64)
            {
                Error("id", "must be 1 to 64 letters, digits, '-', '_' or '.'.");
            }
            else if (!ids.Add(s.Id))
            {
                Error("id", "is used by another subscriber.");
            }

            if (string.IsNullOrWhiteSpace(s.Name))
            {
                Error("name", "is required.");
            }

            if (s.Channels is null)
            {
                Error("channels", "is required.");
            }

            if (s.Filters is null)
            {
                Error("filters", "must be an object.");
            }

            if (s.TimeZone is null)
            {
                Error("timeZone", "must be a string.");
                continue;
            }

            var channels = s.Channels ?? new SubscriberChannels();
            if (channels.Email is null && channels.Teams is null)
            {
                Error("channels", "needs an email or a teams channel.");
            }

            if (channels.Email is { } email
                && (string.IsNullOrWhiteSpace(email.Address) || !new EmailAddressAttribute().IsValid(email.Address) || email.Address.Any(char.IsWhiteSpace)))
            {
                Error("channels.email.address", "must be an email address.");
            }

            if (channels.Teams is { } teams
                && (string.IsNullOrWhiteSpace(teams.WebhookSetting) || !teams.WebhookSetting.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':' or '-')))
            {
                Error("channels.teams.webhookSetting", "must be the name of an app setting holding the webhook URL (letters, digits, '_'), not the URL.");
            }
            else if (channels.Teams is { } named && TeamsOptions.WebhookKey(named.WebhookSetting) is null)
            {
                Error("channels.teams.webhookSetting", $"'{named.WebhookSetting}' is not a setting in the Teams__Webhooks__ section; name one such as Teams__Webhooks__Analysts.");
            }

            var filters = s.Filters ?? new SubscriberFilters();
            if (filters.MinRelevance is < 0 or > 1 || double.IsNaN(filters.MinRelevance))
            {
                Error("filters.minRelevance", "must be between 0 and 1.");
            }

            foreach (var (field, values) in new[] { ("filters.speakers", filters.Speakers), ("filters.organisations", filters.Organisations), ("filters.countries", filters.Countries), ("filters.mutedSpeakers", filters.MutedSpeakers) })
            {
                if (values is null)
                {
                    Error(field, "must be an array of strings.");
                }
                else if (values.Any(string.IsNullOrWhiteSpace))
                {
                    Error(field, "must not contain empty entries.");
                }
            }

            if (filters.Sentiment is null)
            {
                Error("filters.sentiment", "must be an array of strings.");
            }
            else if (filters.Sentiment.FirstOrDefault(v => !SentimentLabels.Contains(v, StringComparer.OrdinalIgnoreCase)) is { } badSentiment)
            {
                Error("filters.sentiment", $"has '{badSentiment}'; allowed: negative, neutral, positive.");
            }

            if (!Enum.IsDefined(s.Cadence))
            {
                Error("cadence", "must be immediate, hourly or daily.");
            }

            if (s.DigestHour is < 0 or > 23)
            {
                Error("digestHour", "must be an hour from 0 to 23.");
            }

            if (string.IsNullOrWhiteSpace(s.TimeZone) || !TryFindZone(s.TimeZone))
            {
                Error("timeZone", $"'{s.TimeZone}' is not an IANA time zone (e.g. America/Mexico_City).");
            }
        }

        return errors;
    }

    private static bool TryFindZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
