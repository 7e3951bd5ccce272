using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alerts.Analysis;
using Alerts.Articles;
using Alerts.Tests.Infrastructure;
using Azure.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alerts.Tests.Analysis;

/// <summary>The Azure AI Language analyzer against a local server that answers with the documented analyze-text
/// response and error shapes.</summary>
public sealed class AzureLanguageTextAnalyzerTests : IAsyncLifetime, IDisposable
{
    private const string Path = "/language/:analyze-text";
    private const string Key = "k3y-that-must-never-be-logged-0123456789";

    private readonly ConcurrentQueue<Call> calls = new();
    private readonly CapturingLoggerProvider logs = new();
    private LocalHttpServer server = null!;

    private sealed record Call(string Kind, IReadOnlyList<(string Id, string Language, string Text)> Documents, string? Key, string? Authorization);

    public async Task InitializeAsync()
    {
        server = await LocalHttpServer.StartAsync();
        server.Map(Path, context => AnswerAsync(context, 200));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => logs.Dispose();

    [Fact]
    public async Task AnalyzeAsync_TwelveParagraphs_BatchesFiveEntityAndTenSentimentDocumentsPerRequest()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 12).Select(i => $"Paragraph {i} says Sheinbaum spoke."));
        var spans = Paragraphs(text);

        var analysis = await CreateSut().AnalyzeAsync(text, spans, "en", CancellationToken.None);

        var entityCalls = calls.Where(c => c.Kind == "EntityRecognition").ToList();
        var sentimentCalls = calls.Where(c => c.Kind == "SentimentAnalysis").ToList();
        Assert.Equal([5, 5, 2], entityCalls.Select(c => c.Documents.Count));
        Assert.Equal([10, 2], sentimentCalls.Select(c => c.Documents.Count));
        Assert.Equal(12, analysis.Entities.Count);
        Assert.All(analysis.Entities, e => Assert.Equal("Sheinbaum", text.Substring(e.Offset, e.Length)));
        Assert.Equal(12, analysis.Sentences.Count);
        Assert.Equal(2 * 12, analysis.TextRecords);
        Assert.All(calls.SelectMany(c => c.Documents), d => Assert.Equal("en", d.Language));
    }

    [Fact]
    public async Task AnalyzeAsync_TextOverDocumentLimit_SplitsAtSentenceEndsAndMapsOffsetsBack()
    {
        var sentences = Enumerable.Range(1, 300).Select(i => $"Sentence {i:000} reports that Sheinbaum rejected any raid.");
        var text = string.Join(' ', sentences);
        Assert.True(text.Length > 12_000);

        var analysis = await CreateSut().AnalyzeAsync(text, "es", CancellationToken.None);

        var documents = calls.Where(c => c.Kind == "SentimentAnalysis").SelectMany(c => c.Documents).ToList();
        Assert.True(documents.Count >= 3);
        Assert.All(documents, d =>
        {
            Assert.True(d.Text.Length <= 5000, $"document of {d.Text.Length} characters");
            Assert.EndsWith("raid.", d.Text, StringComparison.Ordinal);
            Assert.StartsWith("Sentence", d.Text, StringComparison.Ordinal);
        });
        Assert.Equal(text.Length - (documents.Count - 1), documents.Sum(d => d.Text.Length));
        Assert.Equal(300, analysis.Entities.Count);
        Assert.All(analysis.Entities, e => Assert.Equal("Sheinbaum", text.Substring(e.Offset, e.Length)));
        Assert.All(analysis.Sentences, s => Assert.StartsWith("Sentence", text.Substring(s.Offset, s.Length), StringComparison.Ordinal));
        Assert.All(documents, d => Assert.Equal("es", d.Language));
    }

    [Fact]
    public async Task AnalyzeAsync_TooManyRequestsWithRetryAfter_WaitsThenSucceeds()
    {
        var attempts = 0;
        server.Map(Path, context => Interlocked.Increment(ref attempts) == 1
            ? ErrorAsync(context, 429, "429", "Rate limit is exceeded.", retryAfter: "1")
            : AnswerAsync(context, 200));
        var clock = Stopwatch.StartNew();

        var analysis = await CreateSut().AnalyzeAsync("Sheinbaum spoke today.", "en", CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}");
        Assert.Equal(3, attempts); // 429, then the entity call again, then the sentiment call
        Assert.Single(analysis.Entities);
        Assert.Contains(logs.Entries, e => e.EventId == 2006 && e.Message.Contains("429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnalyzeAsync_ServerError_RetriesThenSucceeds()
    {
        var attempts = 0;
        server.Map(Path, context => Interlocked.Increment(ref attempts) <= 2
            ? ErrorAsync(context, 503, "ServiceUnavailable", "Try again.", retryAfter: "0")
            : AnswerAsync(context, 200));

        var analysis = await CreateSut().AnalyzeAsync("Sheinbaum spoke today.", "en", CancellationToken.None);

        Assert.Equal(4, attempts);
        Assert.Single(analysis.Sentences);
    }

    [Fact]
    public async Task AnalyzeAsync_Unauthorized_FailsAtOnceNamingTheSetting()
    {
        server.Map(Path, context => ErrorAsync(context, 401, "401",
            "Access denied due to invalid subscription key or wrong API endpoint."));

        var error = await Assert.ThrowsAsync<LanguageServiceException>(
            () => CreateSut().AnalyzeAsync("Sheinbaum spoke today.", "en", CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Contains("Analysis__Language__Key", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid subscription key", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.CountRequests(Path));
    }

    [Fact]
    public async Task AnalyzeAsync_WithKey_SendsKeyHeaderAndNeverLogsIt()
    {
        var attempts = 0;
        server.Map(Path, context => Interlocked.Increment(ref attempts) == 1
            ? ErrorAsync(context, 500, "InternalServerError", "Oops.", retryAfter: "0")
            : AnswerAsync(context, 200));

        await CreateSut().AnalyzeAsync("Sheinbaum spoke today.", "en", CancellationToken.None);
        server.Map(Path, context => ErrorAsync(context, 403, "403", "Forbidden."));
        await Assert.ThrowsAsync<LanguageServiceException>(() => CreateSut().AnalyzeAsync("More text here.", "en", CancellationToken.None));

        Assert.All(calls, c => Assert.Equal(Key, c.Key));
        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnalyzeAsync_WithoutKey_SendsEntraBearerTokenForCognitiveServicesScope()
    {
        var credential = new FakeCredential();

        await CreateSut(key: "", credential: credential).AnalyzeAsync("Sheinbaum spoke today.", "en", CancellationToken.None);

        Assert.All(calls, c =>
        {
            Assert.Null(c.Key);
            Assert.Equal("Bearer fake-token", c.Authorization);
        });
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes.Distinct());
    }

    [Fact]
    public async Task AnalyzeAsync_DocumentError_SkipsThatDocumentAndLogsIt()
    {
        server.Map(Path, context => AnswerAsync(context, 200, rejectId: "2"));
        var text = "Sheinbaum spoke first.\n\nThen Sheinbaum spoke again.";

        var analysis = await CreateSut().AnalyzeAsync(text, Paragraphs(text), "en", CancellationToken.None);

        Assert.Single(analysis.Entities);
        Assert.Contains(logs.Entries, e => e.EventId == 2005 && e.Message.Contains("InvalidDocument", StringComparison.Ordinal));
    }

    [Fact]
    public void AddAlertsAnalysis_AzureLanguageWithoutEndpoint_FailsNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Analysis:Analyzer"] = "AzureLanguage",
            ["Analysis:Language:Endpoint"] = "",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddAlertsAnalysis(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AnalysisOptions>>().Value);

        Assert.Contains("Analysis__Language__Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAlertsAnalysis_AzureLanguageWithKey_ResolvesAzureAnalyzer()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Analysis:Analyzer"] = "AzureLanguage",
            ["Analysis:Language:Endpoint"] = "https://lang-test.cognitiveservices.azure.com/",
            ["Analysis:Language:Key"] = Key,
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddAlertsAnalysis(configuration).BuildServiceProvider();

        var analyzer = provider.GetRequiredService<ITextAnalyzer>();

        Assert.Equal("azure-language", analyzer.Name);
        Assert.True(analyzer.IsMetered);
    }

    // ---- Cost: only paragraphs with an on-topic statement are sent ----

    [Fact]
    public async Task ArticleAnalyzer_NoOnTopicStatement_MakesNoLanguageCall()
    {
        var article = Article("""
            The tariff talks resumed in June, trade officials said on Monday.

            “Exports of avocados rose again this spring,” Finance Minister Rosa Vidal said.
            """);

        var analysis = await CreateArticleAnalyzer().AnalyzeAsync(article, CancellationToken.None);

        Assert.Empty(calls);
        Assert.Equal(0, server.CountRequests(Path));
        Assert.Equal(0, analysis.TextRecords);
        Assert.Equal("offline", analysis.Analyzer);
        Assert.NotEmpty(analysis.Statements);
    }

    [Fact]
    public async Task ArticleAnalyzer_OnTopicStatement_SendsOnlyItsParagraphAndCountsRecords()
    {
        var article = Article("""
            The tariff talks resumed in June, trade officials said on Monday.

            “We will not accept U.S. troops or drone strikes on Mexican soil,” President Claudia Sheinbaum said.

            The weather in the capital was mild and the markets were calm for most of the week.
            """);

        var analysis = await CreateArticleAnalyzer().AnalyzeAsync(article, CancellationToken.None);

        var sent = calls.SelectMany(c => c.Documents).Select(d => d.Text).Distinct().ToList();
        var paragraph = Assert.Single(sent);
        Assert.StartsWith("“We will not accept", paragraph, StringComparison.Ordinal);
        Assert.Equal(2, calls.Count);
        Assert.Equal(2, analysis.TextRecords);
        Assert.Equal("azure-language", analysis.Analyzer);
        var statement = Assert.Single(analysis.Statements, s => s.IsOnTopic(0.5));
        Assert.Equal(-0.8, statement.Sentiment, 3);
    }

    [Theory]
    [InlineData(401, "401")]
    [InlineData(403, "403")]
    [InlineData(503, "503")]
    public async Task ArticleAnalyzer_LanguageRefusesOrStaysDown_AnalysesOfflineSayingWhyWithAWarning(int status, string code)
    {
        server.Map(Path, context => ErrorAsync(context, status, code, "Unavailable for this test.", retryAfter: "0"));
        var article = Article("""
            “We will not accept U.S. troops or drone strikes on Mexican soil,” President Claudia Sheinbaum said.
            """);

        var analysis = await CreateArticleAnalyzer(logs).AnalyzeAsync(article, CancellationToken.None);

        Assert.Equal($"offline (Language unavailable: {status})", analysis.Analyzer);
        Assert.Single(analysis.Statements, s => s.IsOnTopic(0.5));
        Assert.Contains(analysis.Entities, e => e.Text.Contains("Sheinbaum", StringComparison.Ordinal));
        Assert.Equal(0, analysis.TextRecords);
        var warning = Assert.Single(logs.Entries, e => e.EventId == 2008);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains($"{status}", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ArticleAnalyzer_LanguageUnreachable_AnalysesOfflineSayingWhy()
    {
        var article = Article("""
            “We will not accept U.S. troops or drone strikes on Mexican soil,” President Claudia Sheinbaum said.
            """);
        var closed = new Uri($"http://127.0.0.1:{LocalProcess.FreePort()}/");

        var analysis = await CreateArticleAnalyzer(logs, endpoint: closed, maxRetries: 0).AnalyzeAsync(article, CancellationToken.None);

        Assert.Equal("offline (Language unavailable: connection failed)", analysis.Analyzer);
        Assert.Single(analysis.Statements, s => s.IsOnTopic(0.5));
        Assert.Single(logs.Entries, e => e.EventId == 2008);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway from the proxy</body></html>")]
    [InlineData("{\"kind\": \"EntityRecognitionResults\", \"results\": {\"documents\": [")]
    [InlineData("")]
    public async Task ArticleAnalyzer_LanguageAnswers200WithMalformedJson_AnalysesOfflineSayingWhy(string body)
    {
        server.Map(Path, async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body, Encoding.UTF8);
        });
        var article = Article("""
            “We will not accept U.S. troops or drone strikes on Mexican soil,” President Claudia Sheinbaum said.
            """);

        var analysis = await CreateArticleAnalyzer(logs).AnalyzeAsync(article, CancellationToken.None);

        Assert.Equal("offline (Language unavailable: malformed response)", analysis.Analyzer);
        Assert.Single(analysis.Statements, s => s.IsOnTopic(0.5));
        Assert.Contains(analysis.Entities, e => e.Text.Contains("Sheinbaum", StringComparison.Ordinal));
        Assert.Contains("malformed response", Assert.Single(logs.Entries, e => e.EventId == 2008).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticleAnalyzer_LanguageAnswersPastTheTimeout_AnalysesOfflineSayingWhy()
    {
        server.Map(Path, async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            await AnswerAsync(context, 200);
        });
        var article = Article("""
            “We will not accept U.S. troops or drone strikes on Mexican soil,” President Claudia Sheinbaum said.
            """);

        var analysis = await CreateArticleAnalyzer(logs, maxRetries: 1, requestTimeout: TimeSpan.FromSeconds(1)).AnalyzeAsync(article, CancellationToken.None);

        Assert.Equal("offline (Language unavailable: timeout)", analysis.Analyzer);
        Assert.Equal(2, server.CountRequests(Path));
        Assert.Single(logs.Entries, e => e.EventId == 2008);
    }

    // ---- The local service ----

    private AzureLanguageTextAnalyzer CreateSut(
        string key = Key, TokenCredential? credential = null, Uri? endpoint = null, int maxRetries = 4, TimeSpan? requestTimeout = null)
    {
        var options = Options.Create(new AnalysisOptions
        {
            Analyzer = AnalysisOptions.AzureLanguage,
            Language = new LanguageOptions
            {
                Endpoint = endpoint ?? server.BaseUri,
                Key = key,
                MaxRetries = maxRetries,
                RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30),
            },
        });
        var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        return new AzureLanguageTextAnalyzer(new HttpClient(), options, TimeProvider.System,
            factory.CreateLogger<AzureLanguageTextAnalyzer>(), credential);
    }

    private ArticleAnalyzer CreateArticleAnalyzer(
        ILoggerProvider? logProvider = null, Uri? endpoint = null, int maxRetries = 4, TimeSpan? requestTimeout = null) => new(
        CreateSut(endpoint: endpoint, maxRetries: maxRetries, requestTimeout: requestTimeout),
        TimeProvider.System,
        new StatementExtractor(),
        new TopicScorer(TopicProfile.UsMexicoMilitaryAction),
        Options.Create(new AnalysisOptions()),
        logProvider is null ? NullLogger<ArticleAnalyzer>.Instance : new Logger<ArticleAnalyzer>(LoggerFactory.Create(b => b.AddProvider(logProvider))));

    private static Article Article(string text) => new()
    {
        Id = "a1",
        Url = "https://example.test/a1",
        CanonicalUrl = "https://example.test/a1",
        Source = "Example",
        Title = "Mexico answers",
        Fetched = DateTimeOffset.UnixEpoch,
        Language = "en",
        Text = text,
        ContentHash = "h",
    };

    private static List<TextSpan> Paragraphs(string text)
    {
        var spans = new List<TextSpan>();
        var start = 0;
        foreach (var part in text.Split("\n\n"))
        {
            spans.Add(new TextSpan(start, part.Length));
            start += part.Length + 2;
        }

        return spans;
    }

    /// <summary>The documented 200 shapes: every "Sheinbaum" a Person entity, every sentence negative (-0.8).</summary>
    private async Task AnswerAsync(HttpContext context, int status, string? rejectId = null)
    {
        var request = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!;
        var kind = (string)request["kind"]!;
        var documents = request["analysisInput"]!["documents"]!.AsArray()
            .Select(d => ((string)d!["id"]!, (string)d["language"]!, (string)d["text"]!)).ToList();
        calls.Enqueue(new Call(kind, documents, context.Request.Headers["Ocp-Apim-Subscription-Key"].FirstOrDefault(),
            context.Request.Headers.Authorization.FirstOrDefault()));
        Assert.Equal("Utf16CodeUnit", (string)request["parameters"]!["stringIndexType"]!);
        Assert.Equal("2025-11-01", context.Request.Query["api-version"]);

        var results = new JsonArray();
        var errors = new JsonArray();
        foreach (var (id, _, text) in documents)
        {
            if (id == rejectId)
            {
                errors.Add(new JsonObject
                {
                    ["id"] = id,
                    ["error"] = new JsonObject
                    {
                        ["code"] = "InvalidArgument",
                        ["message"] = "Invalid document in request.",
                        ["innererror"] = new JsonObject { ["code"] = "InvalidDocument", ["message"] = "Document text is empty." },
                    },
                });
                continue;
            }

            results.Add(kind == "EntityRecognition" ? EntityDocument(id, text) : SentimentDocument(id, text));
        }

        var body = new JsonObject
        {
            ["kind"] = kind + "Results",
            ["results"] = new JsonObject { ["documents"] = results, ["errors"] = errors, ["modelVersion"] = "2025-01-01" },
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private static JsonObject EntityDocument(string id, string text)
    {
        var entities = new JsonArray();
        for (var at = text.IndexOf("Sheinbaum", StringComparison.Ordinal); at >= 0; at = text.IndexOf("Sheinbaum", at + 1, StringComparison.Ordinal))
        {
            entities.Add(new JsonObject
            {
                ["text"] = "Sheinbaum",
                ["category"] = "Person",
                ["offset"] = at,
                ["length"] = 9,
                ["confidenceScore"] = 0.98,
            });
        }

        return new JsonObject { ["id"] = id, ["entities"] = entities, ["warnings"] = new JsonArray() };
    }

    private static JsonObject SentimentDocument(string id, string text)
    {
        static JsonObject Scores() => new() { ["positive"] = 0.05, ["neutral"] = 0.1, ["negative"] = 0.85 };
        var sentences = new JsonArray();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ' ' && i > 0 && text[i - 1] == '.'))
            {
                if (i > start)
                {
                    sentences.Add(new JsonObject
                    {
                        ["sentiment"] = "negative",
                        ["confidenceScores"] = Scores(),
                        ["offset"] = start,
                        ["length"] = i - start,
                        ["text"] = text[start..i],
                    });
                }

                start = i + 1;
            }
        }

        return new JsonObject
        {
            ["id"] = id,
            ["sentiment"] = "negative",
            ["confidenceScores"] = Scores(),
            ["sentences"] = sentences,
            ["warnings"] = new JsonArray(),
        };
    }

    private static async Task ErrorAsync(HttpContext context, int status, string code, string message, string? retryAfter = null)
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message } }), Encoding.UTF8);
    }

    private sealed class FakeCredential : TokenCredential
    {
        public ConcurrentQueue<string> Scopes { get; } = new();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            foreach (var scope in requestContext.Scopes)
            {
                Scopes.Enqueue(scope);
            }

            return new AccessToken("fake-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
