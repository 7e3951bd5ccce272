using System.Net;

namespace Alerts.Fetching;

/// <summary>Why a feed or page could not be had; each is logged as such, never as a bare exception.</summary>
public enum FetchFailure
{
    /// <summary>Connection refused or reset, DNS, TLS: the request never got an HTTP answer.</summary>
    Network,
    /// <summary>No complete response within the request timeout (a slow or endless body counts).</summary>
    Timeout,
    /// <summary>An HTTP status other than 2xx or 304, after any retries.</summary>
    HttpStatus,
    /// <summary>The body (after decompression) is over the size limit.</summary>
    TooLarge,
    /// <summary>The body does not decode as its Content-Encoding (gzip, deflate, br) says.</summary>
    CorruptBody,
    /// <summary>A redirect without a usable Location, to a non-HTTP scheme, or back to a URL already visited.</summary>
    BadRedirect,
    /// <summary>More redirects than allowed.</summary>
    TooManyRedirects,
    /// <summary>The host's circuit breaker is open after repeated failures.</summary>
    CircuitOpen,
    /// <summary>The response is not a feed we can read (HTML page, binary data, DTD, malformed XML or JSON).</summary>
    NotAFeed,
    /// <summary>The source's overall time budget for this run ran out.</summary>
    SourceTimeout,
    /// <summary>The run's time budget over all sources ran out before this source was done; it is left as it was
    /// (no failure counted, validators unchanged) for the next run.</summary>
    RunTimeout,
    /// <summary>The host is, or resolves to, an address that is not public and no setting allows: nothing was sent.
    /// Permanent, so never retried and never counted by the circuit breaker.</summary>
    Refused,
    /// <summary>An error nothing foresaw (a bug, or input no check knew of); logged with the exception, the source's
    /// other runs and the run's other sources carry on.</summary>
    Unexpected,
}

/// <summary>A fetch that failed for a reason we can name.</summary>
public sealed class FetchFailedException : Exception
{
    public FetchFailedException()
    {
    }

    public FetchFailedException(string message) : base(message)
    {
    }

    public FetchFailedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public FetchFailedException(FetchFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    public FetchFailure Failure { get; }

    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The server's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Worth retrying: network errors, 408, 429 and 5xx.</summary>
    public bool IsTransient => Failure == FetchFailure.Network
        || (Failure == FetchFailure.HttpStatus && StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError);
}
