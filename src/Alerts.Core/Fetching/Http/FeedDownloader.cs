using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Alerts.Fetching;

/// <summary>The validators of a previous response, sent back for a conditional GET.</summary>
public sealed record CacheValidators(string? ETag, string? LastModified);

/// <param name="Url">Where the body came from, after redirects.</param>
/// <param name="NotModified">The server answered 304: <see cref="Body"/> is empty.</param>
public sealed record Download(Uri Url, bool NotModified, byte[] Body, string? ContentType, CacheValidators Validators);

/// <summary>
/// GET with everything a hostile or flaky server can throw at it handled: redirects followed by hand (http/https only,
/// at most <see cref="MaxRedirects"/>, no loops), a size cap counted after decompression, a timeout per attempt that
/// covers reading the body, and the circuit's resilience pipeline (retry, circuit breaker) around it. Every connection
/// goes through <see cref="AddressGuard"/>, so no hop reaches a non-public address unless a setting allows it.
/// </summary>
public sealed class FeedDownloader(
    IHttpClientFactory httpClients, SourceResilience resilience, IOptionsMonitor<FetchOptions> options, TimeProvider time)
{
    public const string HttpClientName = "feeds";
    public const int MaxRedirects = 5;

    /// <summary>A fetch on no source's behalf, its failures counted per host.</summary>
    public Task<Download> GetAsync(Uri url, CacheValidators? validators, CancellationToken cancellationToken) =>
        GetAsync(url, validators, FetchCircuit.Direct(url), cancellationToken);

    public async Task<Download> GetAsync(Uri url, CacheValidators? validators, FetchCircuit circuit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(circuit);
        try
        {
            return await resilience.For(circuit).ExecuteAsync(
                static async (state, token) => await state.Self.GetOnceAsync(state.Url, state.Validators, token),
                (Self: this, Url: url, Validators: validators),
                cancellationToken);
        }
        catch (TimeoutRejectedException e)
        {
            throw new FetchFailedException(FetchFailure.Timeout, $"no complete response from {url.Host} within {e.Timeout}", e);
        }
        catch (BrokenCircuitException e)
        {
            var owner = circuit.Source is null ? "" : $" ({circuit.Source}'s {circuit.Kind.ToString().ToLowerInvariant()} requests)";
            throw new FetchFailedException(FetchFailure.CircuitOpen, $"circuit open for {url.Host}{owner} after repeated failures", e);
        }
    }

    private async Task<Download> GetOnceAsync(Uri url, CacheValidators? validators, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var client = httpClients.CreateClient(HttpClientName);
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        var current = url;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.UserAgent.ParseAdd(settings.UserAgent);
            request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, application/json;q=0.9, text/html;q=0.8, */*;q=0.5");
            if (validators?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
            {
                request.Headers.IfNoneMatch.Add(tag);
            }
            if (validators?.LastModified is { } lastModified)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            }

            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException e) when (e.InnerException is AddressRefusedException refused)
            {
                throw new FetchFailedException(FetchFailure.Refused, refused.Message, refused);
            }
            catch (HttpRequestException e)
            {
                throw new FetchFailedException(FetchFailure.Network, $"network error talking to {current.Host}: {e.HttpRequestError}", e);
            }

            using (response)
            {
                if (IsRedirect(response.StatusCode))
                {
                    current = NextHop(current, response, hop, visited);
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    var fresh = ValidatorsOf(response);
                    return new Download(current, NotModified: true, [], null,
                        new CacheValidators(fresh.ETag ?? validators?.ETag, fresh.LastModified ?? validators?.LastModified));
                }
                if (!response.IsSuccessStatusCode)
                {
                    throw new FetchFailedException(FetchFailure.HttpStatus, $"HTTP {(int)response.StatusCode} from {current.Host}")
                    {
                        StatusCode = response.StatusCode,
                        RetryAfter = RetryAfterOf(response),
                    };
                }

                if (response.Content.Headers.ContentLength > settings.MaxResponseBytes)
                {
                    throw new FetchFailedException(FetchFailure.TooLarge,
                        $"{current.Host} announced {response.Content.Headers.ContentLength} bytes, over the limit of {settings.MaxResponseBytes}");
                }
                byte[] body;
                try
                {
                    await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                    // The handler decompresses, so this counts decompressed bytes: a gzip bomb stops at the limit.
                    body = await LimitedReader.ReadAllAsync(stream, settings.MaxResponseBytes, cancellationToken);
                }
                catch (ContentTooLargeException e)
                {
                    throw new FetchFailedException(FetchFailure.TooLarge, $"response from {current.Host} is over the limit of {settings.MaxResponseBytes} bytes", e);
                }
                catch (InvalidDataException e)
                {
                    throw new FetchFailedException(FetchFailure.CorruptBody, $"response from {current.Host} does not decompress as its Content-Encoding says", e);
                }
                catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
                {
                    throw new FetchFailedException(FetchFailure.Network, $"connection to {current.Host} broke while reading: {e.GetType().Name}", e);
                }
                return new Download(current, NotModified: false, body, response.Content.Headers.ContentType?.ToString(), ValidatorsOf(response));
            }
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static Uri NextHop(Uri current, HttpResponseMessage response, int hop, HashSet<string> visited)
    {
        if (response.Headers.Location is not { } location)
        {
            throw new FetchFailedException(FetchFailure.BadRedirect, $"redirect from {current.Host} without a Location");
        }
        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
        {
            throw new FetchFailedException(FetchFailure.BadRedirect, $"redirect from {current.Host} to a non-HTTP scheme '{next.Scheme}'");
        }
        if (hop + 1 > MaxRedirects)
        {
            throw new FetchFailedException(FetchFailure.TooManyRedirects, $"more than {MaxRedirects} redirects starting at {current.Host}");
        }
        if (!visited.Add(next.AbsoluteUri))
        {
            throw new FetchFailedException(FetchFailure.BadRedirect, $"redirect loop at {next.Host}");
        }
        return next;
    }

    private static CacheValidators ValidatorsOf(HttpResponseMessage response) => new(
        response.Headers.ETag?.ToString(),
        response.Content.Headers.LastModified?.ToString("R") ?? HeaderValue(response, "Last-Modified"));

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? values.FirstOrDefault()
            : null;

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
