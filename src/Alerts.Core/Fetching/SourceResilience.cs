using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace Alerts.Fetching;

/// <summary>
/// One Polly pipeline per host, built on first use: retry with jittered exponential back-off on transient failures
/// (honouring Retry-After), then a circuit breaker, then a timeout per attempt. The breaker lives in this process, so
/// each instance of the app learns a host is down on its own; the persisted source state carries the "is failing"
/// flag across instances and runs.
/// </summary>
public sealed class SourceResilience(IOptionsMonitor<FetchOptions> options, TimeProvider time, ILogger<SourceResilience> logger) : IDisposable
{
    private readonly ResiliencePipelineRegistry<string> registry = new();

    public ResiliencePipeline For(string host) =>
        registry.GetOrAddPipeline(host.ToLowerInvariant(), (builder, context) => Configure(builder, context.PipelineKey));

    public void Dispose() => registry.Dispose();

    private void Configure(ResiliencePipelineBuilder builder, string host)
    {
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
                    Log.RetryScheduled(logger, host, args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? "", args.RetryDelay);
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
                Log.CircuitOpened(logger, host, args.BreakDuration, args.Outcome.Exception?.Message ?? "");
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                Log.CircuitClosed(logger, host);
                return ValueTask.CompletedTask;
            },
        });

        builder.AddTimeout(settings.RequestTimeout);
    }
}
