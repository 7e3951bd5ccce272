using System.Net;
using System.Security.Claims;
using System.Text;
using Alerts.Delivery;
using Alerts.Functions.Functions;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Alerts.Tests.Functions;

/// <summary>The Azure app's HTTP function over the same FeedbackService the local host serves: GET asks, POST acts,
/// a tampered link changes nothing.</summary>
public sealed class FeedbackFunctionTests : IAsyncLifetime
{
    private Azurite azurite = null!;
    private MailDev mail = null!;

    public async Task InitializeAsync()
    {
        azurite = await Azurite.StartAsync();
        mail = await MailDev.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await mail.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Feedback_GetThenOneClickPost_UnsubscribesOnceAndATamperedLinkChangesNothing()
    {
        await using var app = await FunctionsApp.StartAsync(azurite, mail);
        var subscriptions = app.Function<SubscriptionStore>();
        var before = (await subscriptions.SubscribersAsync(CancellationToken.None)).Select(s => s.Id).ToList();
        var id = before[0];
        var link = app.Function<FeedbackLinks>().Link(new FeedbackToken(id, FeedbackAction.Unsubscribe, "", DateTimeOffset.UtcNow.AddDays(1)))!;
        var function = app.Function<FeedbackFunction>();

        var tampered = await RunAsync(function, "POST", link[..^3] + "abc");
        var preview = await RunAsync(function, "GET", link);
        var unsubscribed = await RunAsync(function, "POST", link, "List-Unsubscribe=One-Click");

        Assert.Equal(HttpStatusCode.BadRequest, tampered.Status);
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("<form method=\"post\"", preview.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unsubscribed.Status);
        Assert.Contains("Unsubscribed", unsubscribed.Body, StringComparison.Ordinal);
        Assert.Equal("text/html; charset=utf-8", unsubscribed.ContentType);
        var document = (await app.Store.ReadAsync<SubscriptionsDocument>(PipelineNames.ConfigContainer, SubscriptionStore.BlobName, CancellationToken.None))!.Document;
        Assert.Equal(before.Skip(1), document.Subscribers.Select(s => s.Id));
    }

    private static async Task<(HttpStatusCode Status, string Body, string? ContentType)> RunAsync(FeedbackFunction function, string method, string url, string? form = null)
    {
        var request = new FakeRequest(new FakeContext(), new Uri(url), method, form);
        var response = (FakeResponse)await function.RunAsync(request, CancellationToken.None);
        response.Body.Position = 0;
        using var reader = new StreamReader(response.Body);
        return (response.StatusCode, await reader.ReadToEndAsync(), response.Headers.TryGetValues("Content-Type", out var types) ? types.Single() : null);
    }

    private sealed class FakeRequest(FunctionContext context, Uri url, string method, string? form) : HttpRequestData(context)
    {
        public override Stream Body { get; } = new MemoryStream(Encoding.UTF8.GetBytes(form ?? ""));

        public override HttpHeadersCollection Headers { get; } = form is null ? [] : new HttpHeadersCollection([new KeyValuePair<string, string>("Content-Type", "application/x-www-form-urlencoded")]);

        public override IReadOnlyCollection<IHttpCookie> Cookies => [];

        public override Uri Url => url;

        public override IEnumerable<ClaimsIdentity> Identities => [];

        public override string Method => method;

        public override HttpResponseData CreateResponse() => new FakeResponse(FunctionContext);
    }

    private sealed class FakeResponse(FunctionContext context) : HttpResponseData(context)
    {
        public override HttpStatusCode StatusCode { get; set; }

        public override HttpHeadersCollection Headers { get; set; } = [];

        public override Stream Body { get; set; } = new MemoryStream();

        public override HttpCookies Cookies => throw new NotSupportedException();
    }

    private sealed class FakeContext : FunctionContext
    {
        public override string InvocationId => "test";

        public override string FunctionId => FeedbackFunction.Name;

        public override TraceContext TraceContext => throw new NotSupportedException();

        public override BindingContext BindingContext => throw new NotSupportedException();

        public override RetryContext RetryContext => throw new NotSupportedException();

        public override IServiceProvider InstanceServices { get; set; } = null!;

        public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override IInvocationFeatures Features => throw new NotSupportedException();
    }
}
