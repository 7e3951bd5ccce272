using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Alerts.Delivery;

public enum FeedbackAction
{
    Unsubscribe,
    MuteSpeaker,
    NotRelevant,
}

/// <summary>What a signed link asks for: who, what, about what (the speaker to mute, the statement not relevant), and
/// until when it may be used.</summary>
public sealed record FeedbackToken(string SubscriberId, FeedbackAction Action, string Argument, DateTimeOffset Expires);

/// <summary>The links of one delivery; null ones are left out (no base URL or key configured).</summary>
public sealed record AlertLinks(string Unsubscribe, string? MuteSpeaker, string? NotRelevant);

public enum TokenCheck
{
    Valid,
    Malformed,
    BadSignature,
    Expired,
    NoKey,
}

/// <summary>Signs and checks the feedback links: <c>{BaseUrl}/api/feedback?t=PAYLOAD.MAC</c>, where PAYLOAD is the
/// base64url JSON of subscriber, action, argument and expiry, and MAC its HMAC-SHA256 under Feedback:SigningKey. Nothing
/// in the link is trusted before the MAC is checked (in constant time).</summary>
public sealed class FeedbackLinks(IOptionsMonitor<FeedbackOptions> options)
{
    public const string Path = "/api/feedback";
    public const string TokenParameter = "t";

    /// <summary>The links for one delivery. Expiry counts from when the delivery was written, so every attempt of it
    /// renders the same message.</summary>
    public AlertLinks? For(DeliveryRecord delivery)
    {
        if (Key() is null || BaseUrl() is not { } baseUrl)
        {
            return null;
        }

        var expires = delivery.Created + options.CurrentValue.LinkLifetime;
        string Link(FeedbackAction action, string argument)
            => $"{baseUrl}{Path}?{TokenParameter}={Sign(new FeedbackToken(delivery.SubscriberId, action, argument, expires))}";

        var alert = delivery.Kind == DeliveryKind.Alert ? delivery.Alerts[0] : null;
        return new AlertLinks(
            Link(FeedbackAction.Unsubscribe, ""),
            alert is null ? null : Link(FeedbackAction.MuteSpeaker, AlertText.OneLine(alert.Speaker.Name)),
            alert is null ? null : Link(FeedbackAction.NotRelevant, alert.Key));
    }

    /// <summary>A link for one action; for tests and <c>send-test</c>.</summary>
    public string? Link(FeedbackToken token)
        => Key() is null || BaseUrl() is not { } baseUrl ? null : $"{baseUrl}{Path}?{TokenParameter}={Sign(token)}";

    public string Sign(FeedbackToken token)
    {
        var key = Key() ?? throw new InvalidOperationException("Feedback:SigningKey is not set.");
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(
            token.SubscriberId, token.Action.ToString(), token.Argument, token.Expires.ToUnixTimeSeconds()));
        var encoded = Base64Url.EncodeToString(payload);
        return $"{encoded}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(encoded)))}";
    }

    public TokenCheck Check(string? token, DateTimeOffset now, out FeedbackToken? verified)
    {
        verified = null;
        if (Key() is not { } key)
        {
            return TokenCheck.NoKey;
        }

        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || token.Length > 4096 || dot <= 0 || dot != token.LastIndexOf('.'))
        {
            return TokenCheck.Malformed;
        }

        var encoded = token[..dot];
        if (!Base64Url.IsValid(encoded) || !Base64Url.IsValid(token.AsSpan(dot + 1)))
        {
            return TokenCheck.Malformed;
        }

        var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(encoded));
        if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(token.AsSpan(dot + 1))))
        {
            return TokenCheck.BadSignature;
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(encoded));
        }
        catch (JsonException)
        {
            return TokenCheck.Malformed;
        }

        if (payload is null || string.IsNullOrEmpty(payload.S) || !Enum.TryParse<FeedbackAction>(payload.A, out var action) || !Enum.IsDefined(action))
        {
            return TokenCheck.Malformed;
        }

        verified = new FeedbackToken(payload.S, action, payload.G ?? "", DateTimeOffset.FromUnixTimeSeconds(payload.E));
        return now >= verified.Expires ? TokenCheck.Expired : TokenCheck.Valid;
    }

    /// <summary>A stable name for the link, for its feedback record: a link is acted on once.</summary>
    public static string Fingerprint(string token)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)), 0, 16);

    private byte[]? Key()
        => options.CurrentValue.SigningKey is { Length: >= FeedbackOptions.MinKeyChars } key && !KeyVaultReference.IsUnresolved(key)
            ? Encoding.UTF8.GetBytes(key)
            : null;

    private string? BaseUrl()
        => options.CurrentValue.BaseUrl is { Length: > 0 } url ? url.TrimEnd('/') : null;

    private sealed record Payload(string S, string A, string? G, long E);

    internal static string Describe(TokenCheck check) => check.ToString().ToLower(CultureInfo.InvariantCulture);
}
