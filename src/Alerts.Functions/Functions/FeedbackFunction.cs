using System.Net;
using Alerts.Delivery;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Alerts.Functions.Functions;

/// <summary>The signed links of every alert (one-click unsubscribe, mute this speaker, not relevant) at
/// <c>/api/feedback</c>, the path the local host serves too. Anonymous: the link's HMAC is the authorisation.</summary>
public sealed class FeedbackFunction(FeedbackService feedback)
{
    public const string Name = "Feedback";

    [Function(Name)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "feedback")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        var token = request.Query[FeedbackLinks.TokenParameter];
        var page = string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase)
            ? await feedback.ApplyAsync(token ?? await FormTokenAsync(request, cancellationToken), cancellationToken)
            : await feedback.ConfirmAsync(token, cancellationToken);
        var response = request.CreateResponse((HttpStatusCode)page.Status);
        response.Headers.Add("Content-Type", "text/html; charset=utf-8");
        await response.WriteStringAsync(page.Html, cancellationToken);
        return response;
    }

    private static async Task<string?> FormTokenAsync(HttpRequestData request, CancellationToken cancellationToken)
    {
        if (!request.Headers.TryGetValues("Content-Type", out var types) || !types.Any(t => t.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        // A form is small; anything bigger is not ours.
        using var reader = new StreamReader(request.Body);
        var buffer = new char[8192];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return System.Web.HttpUtility.ParseQueryString(new string(buffer, 0, read))[FeedbackLinks.TokenParameter];
    }
}
