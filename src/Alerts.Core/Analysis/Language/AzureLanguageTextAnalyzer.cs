using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Alerts.Text;
using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Alerts.Analysis;

/// <summary>Entities and sentiment from Azure AI Language's synchronous analyze-text REST API (the SDK is not in our
/// package mirror): entity recognition in batches of 5 documents and sentiment with sentence scores in batches of 10,
/// long texts cut at sentence ends under the per-document limit, offsets mapped back to the article.</summary>
/// <remarks>Authenticates with the resource key when one is set, otherwise with a Microsoft Entra ID token. 408, 429
/// and 5xx are retried by the "AzureLanguage" pipeline, waiting as long as Retry-After says; 401/403 and other 4xx are
/// not, and fail with a message that says what to check.</remarks>
public sealed class AzureLanguageTextAnalyzer : ITextAnalyzer
{
    public const string HttpClientName = "AzureLanguage";
    public const string PipelineName = "AzureLanguage";
    public const string TokenScope = "https://cognitiveservices.azure.com/.default";
    public const int EntityBatchSize = 5;
    public const int SentimentBatchSize = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient http;
    private readonly LanguageOptions settings;
    private readonly TokenCredential? credential;
    private readonly ILogger<AzureLanguageTextAnalyzer> logger;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly Uri requestUri;

    /// <param name="credential">Used when no key is configured; required then.</param>
    public AzureLanguageTextAnalyzer(
        HttpClient http,
        IOptions<AnalysisOptions> options,
        TimeProvider time,
        ILogger<AzureLanguageTextAnalyzer> logger,
        TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.http = http;
        this.logger = logger;
        settings = options.Value.Language;
        var endpoint = settings.Endpoint ?? throw new InvalidOperationException(
            "Analysis:Language:Endpoint (Analysis__Language__Endpoint) is required when Analysis:Analyzer is AzureLanguage.");
        if (string.IsNullOrEmpty(settings.Key))
        {
            this.credential = credential ?? throw new InvalidOperationException(
                "Analysis:Language:Key is empty and no Microsoft Entra ID credential is available for Azure AI Language.");
        }

        var baseUri = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        requestUri = new Uri(baseUri, "language/:analyze-text?api-version=" + Uri.EscapeDataString(settings.ApiVersion));
        pipeline = BuildPipeline(time);
    }

    public string Name => "azure-language";

    public bool IsMetered => true;

    public Task<TextAnalysis> AnalyzeAsync(string text, string? language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AnalyzeAsync(text, [new TextSpan(0, text.Length)], language, cancellationToken);
    }

    public async Task<TextAnalysis> AnalyzeAsync(string text, IReadOnlyList<TextSpan> spans, string? language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var documents = LanguageDocuments.Split(text, spans);
        if (documents.Count == 0)
        {
            return new TextAnalysis([], SentimentScore.Neutral, [], 0);
        }

        var languageCode = LanguageCode(language);
        var entities = new List<Entity>();
        foreach (var batch in documents.Chunk(EntityBatchSize))
        {
            var results = await PostAsync<EntityDocument>("EntityRecognition", batch, languageCode, cancellationToken);
            foreach (var (document, result) in results)
            {
                entities.AddRange((result.Entities ?? []).Select(e => new Entity(
                    e.Text, Category(e.Category), document.Offset + e.Offset, e.Length, e.ConfidenceScore)));
            }
        }

        var sentences = new List<SentenceSentiment>();
        var weighted = 0.0;
        var weight = 0;
        foreach (var batch in documents.Chunk(SentimentBatchSize))
        {
            var results = await PostAsync<SentimentDocument>("SentimentAnalysis", batch, languageCode, cancellationToken);
            foreach (var (document, result) in results)
            {
                sentences.AddRange((result.Sentences ?? []).Select(s => new SentenceSentiment(
                    document.Offset + s.Offset, s.Length, Score(s.Sentiment, s.ConfidenceScores))));
                weighted += Score(result.Sentiment, result.ConfidenceScores).Score * document.Text.Length;
                weight += document.Text.Length;
            }
        }

        var overall = weight == 0 ? SentimentScore.Neutral : OfflineTextAnalyzer.Score(weighted / weight);
        // Both features bill every document: one record per started 1,000 characters, each.
        var records = 2 * documents.Sum(d => d.TextRecords);
        return new TextAnalysis(entities.OrderBy(e => e.Offset).ToList(), overall, sentences.OrderBy(s => s.Offset).ToList(), records);
    }

    private async Task<List<(LanguageDocument Document, T Result)>> PostAsync<T>(
        string kind, LanguageDocument[] batch, string language, CancellationToken cancellationToken)
        where T : class, IResultDocument
    {
        var body = new AnalyzeRequest(
            kind,
            new AnalyzeParameters("latest", "Utf16CodeUnit"),
            new AnalysisInput(batch.Select(d => new InputDocument(d.Id, language, d.Text)).ToList()));
        using var response = await pipeline.ExecuteAsync(
            async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, requestUri) { Content = JsonContent.Create(body, options: Json) };
                await AuthenticateAsync(request, token);
                return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
            },
            cancellationToken);

        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, kind, cancellationToken);
        }

        AnalyzeResponse<T>? parsed;
        try
        {
            parsed = await response.Content.ReadFromJsonAsync<AnalyzeResponse<T>>(Json, cancellationToken);
        }
        catch (JsonException e)
        {
            // A 200 that is not the documented JSON (a proxy's page, a cut-off body) is the service being unavailable,
            // not the article being bad: the analyzer falls back to offline rather than poisoning the article.
            throw new LanguageServiceException(
                $"Azure AI Language returned a {kind} response that is not the documented JSON: {e.Message}",
                response.StatusCode,
                LanguageServiceException.MalformedResponse);
        }

        if (parsed is null)
        {
            throw new LanguageServiceException($"Azure AI Language returned an empty {kind} response.", response.StatusCode, null);
        }
        foreach (var error in parsed.Results?.Errors ?? [])
        {
            // The inner code says what was wrong with the document (InvalidDocument, InvalidDocumentBatch, …).
            var inner = error.Error?.InnerError ?? error.Error;
            Log.LanguageDocumentRejected(logger, kind, error.Id, inner?.Code ?? "", Redact.Secrets(inner?.Message, settings.Key));
        }

        var byId = batch.ToDictionary(d => d.Id, StringComparer.Ordinal);
        return (parsed.Results?.Documents ?? [])
            .Where(r => byId.ContainsKey(r.Id))
            .Select(r => (byId[r.Id], r))
            .ToList();
    }

    private async Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (credential is null)
        {
            request.Headers.Add("Ocp-Apim-Subscription-Key", settings.Key);
            return;
        }

        var token = await credential.GetTokenAsync(new TokenRequestContext([TokenScope]), cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }

    private async Task<LanguageServiceException> FailureAsync(HttpResponseMessage response, string kind, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        ErrorBody? error = null;
        try
        {
            error = (await response.Content.ReadFromJsonAsync<ErrorResponse>(Json, cancellationToken))?.Error;
        }
        catch (JsonException)
        {
            // Not the documented error shape (a proxy's page, say): the status code alone has to do.
        }

        // The service's text, or a proxy's in its place, which may echo the key it was sent.
        var detail = error is null ? "" : $" {Redact.Secrets(error.Code, settings.Key)}: {Redact.Secrets(error.Message, settings.Key)}";
        var message = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => string.Create(CultureInfo.InvariantCulture,
                $"Azure AI Language refused the credentials ({status}){detail}. Check Analysis__Language__Key, or that the app's identity has the Cognitive Services User role on the resource and the endpoint is its custom subdomain."),
            _ => string.Create(CultureInfo.InvariantCulture, $"Azure AI Language {kind} failed with {status}{detail}."),
        };
        Log.LanguageRequestFailed(logger, kind, status, error?.Code ?? "");
        return new LanguageServiceException(message, response.StatusCode, error?.Code);
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = PipelineName, TimeProvider = time };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Result: { } response } => IsTransient(response.StatusCode),
                    { Exception: HttpRequestException } => true,
                    { Exception: Polly.Timeout.TimeoutRejectedException } => true,
                    _ => false,
                }),
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(60),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time)),
                OnRetry = args =>
                {
                    var status = args.Outcome.Result is { } r ? (int)r.StatusCode : 0;
                    Log.LanguageRetry(logger, args.AttemptNumber + 1, status, args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(settings.RequestTimeout);
        return builder.Build();
    }

    private static bool IsTransient(HttpStatusCode status)
        => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The service's Retry-After (seconds or a date), capped at a minute; null lets the back-off decide.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, TimeSpan.FromMinutes(1).Ticks)) : null;
    }

    private static string LanguageCode(string? language)
    {
        var code = language?.Split('-', '_')[0].Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(code) ? "en" : code;
    }

    private static EntityCategory Category(string? category) => category switch
    {
        "Person" => EntityCategory.Person,
        "Organization" => EntityCategory.Organization,
        "Location" or "GPE" or "Geopolitical Entity" => EntityCategory.Location,
        "PersonType" => EntityCategory.PersonType,
        _ => EntityCategory.Other,
    };

    /// <summary>-1..1 from the service's confidences: positive minus negative.</summary>
    private static SentimentScore Score(string? label, Confidences? scores)
    {
        var value = scores is null ? 0 : Math.Round(scores.Positive - scores.Negative, 3);
        return new SentimentScore(label ?? "neutral", value);
    }

    // ---- The documented request and response shapes ----

    private sealed record AnalyzeRequest(string Kind, AnalyzeParameters Parameters, AnalysisInput AnalysisInput);

    private sealed record AnalyzeParameters(string ModelVersion, string StringIndexType);

    private sealed record AnalysisInput(IReadOnlyList<InputDocument> Documents);

    private sealed record InputDocument(string Id, string Language, string Text);

    private sealed record AnalyzeResponse<T>(string? Kind, AnalyzeResults<T>? Results);

    private sealed record AnalyzeResults<T>(IReadOnlyList<T>? Documents, IReadOnlyList<DocumentError>? Errors);

    private sealed record DocumentError(string Id, ErrorBody? Error);

    private sealed record ErrorResponse(ErrorBody? Error);

    private sealed record ErrorBody(string? Code, string? Message, ErrorBody? InnerError);

    private interface IResultDocument
    {
        string Id { get; }
    }

    private sealed record EntityDocument(string Id, IReadOnlyList<EntityResult>? Entities) : IResultDocument;

    private sealed record EntityResult(string Text, string? Category, int Offset, int Length, double ConfidenceScore);

    private sealed record SentimentDocument(string Id, string? Sentiment, Confidences? ConfidenceScores, IReadOnlyList<SentenceResult>? Sentences)
        : IResultDocument;

    private sealed record SentenceResult(string? Sentiment, Confidences? ConfidenceScores, int Offset, int Length);

    private sealed record Confidences(double Positive, double Neutral, double Negative);
}

/// <summary>Azure AI Language answered with an error that retrying will not fix (or kept failing until retries ran out).</summary>
public sealed class LanguageServiceException(string message, HttpStatusCode? status, string? errorCode) : Exception(message)
{
    /// <summary>The <see cref="ErrorCode"/> of a success status whose body is not the documented JSON.</summary>
    public const string MalformedResponse = "MalformedResponse";

    public HttpStatusCode? Status { get; } = status;
    public string? ErrorCode { get; } = errorCode;
}
