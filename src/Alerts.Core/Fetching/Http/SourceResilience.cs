using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace Alerts.Fetching;

/// <summary>What a request is fetched as; each kind has its own circuit.</summary>
public enum FetchKind
{
    Feed,
    Page,
    /// <summary>A fetch on no source's behalf (tools, tests): one circuit per host.</summary>
    Direct,
}

/// <summary>
/// Which breaker a request counts against: one per source and kind, so one source's failing pages never open the
/// circuit for another source, or for the same source's feed, on a shared host. The host stays in the key because an
/// aggregator's items (Google News, GDELT) link to many sites, and one dead site must not stop the pages of the others.
/// </summary>
public sealed record FetchCircuit(string? Source, FetchKind Kind, string Host)
{
    public static FetchCircuit Feed(string source, Uri url) => new(source, FetchKind.Feed, HostOf(url));

    public static FetchCircuit Page(string source, Uri url) => new(source, FetchKind.Page, HostOf(url));

    public static FetchCircuit Direct(Uri url) => new(null, FetchKind.Direct, HostOf(url));

    private static string HostOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Host.ToLowerInvariant();
    }
}

/// <summary>
/// One Polly pipeline per <see cref="FetchCircuit"/>, built on first use: retry with jittered exponential back-off on
/// transient failures (honouring Retry-After), then a circuit breaker, then a timeout per attempt. The breaker lives in this process, so
/// each instance of the app learns a host is down on its own; the persisted source state carries the "is failing"
/// flag across instances and runs.
/// </summary>
public sealed class SourceResilience(IOptionsMonitor<FetchOptions> options, TimeProvider time, ILogger<SourceResilience> logger) : IDisposable
{
    private readonly ResiliencePipelineRegistry<FetchCircuit> registry = new();

    public ResiliencePipeline For(FetchCircuit circuit) =>
        registry.GetOrAddPipeline(circuit, (builder, context) => Configure(builder, context.PipelineKey));

    public void Dispose() => registry.Dispose();

    private void Configure(ResiliencePipelineBuilder builder, FetchCircuit circuit)
    {
        var source = circuit.Source ?? "(none)";
        var settings = options.CurrentValue;
        builder.TimeProvider = time;
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is FetchFailedException { IsTransient: true } failure
                    && !(failure.RetryAfter > settings.MaxRetryAfter)),
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is FetchFailedException { RetryAfter: { } retryAfter } ? (TimeSpan?)retryAfter : null),
                OnRetry = args =>
                {
                    Log.RetryScheduled(logger, source, circuit.Host, args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? "", args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is FetchFailedException { IsTransient: true }
                or FetchFailedException { Failure: FetchFailure.Timeout } or TimeoutRejectedException),
            FailureRatio = 0.8,
            MinimumThroughput = 5,
            SamplingDuration = TimeSpan.FromMinutes(2),
            BreakDuration = settings.BreakDuration,
            OnOpened = args =>
            {
                Log.CircuitOpened(logger, source, circuit.Kind, circuit.Host, args.BreakDuration, args.Outcome.Exception?.Message ?? "");
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                Log.CircuitClosed(logger, source, circuit.Kind, circuit.Host);
                return ValueTask.CompletedTask;
            },
        });

        builder.AddTimeout(settings.RequestTimeout);
    }
}
