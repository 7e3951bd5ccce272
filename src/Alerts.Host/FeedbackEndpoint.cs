using System.Net;
using Alerts.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Host;

/// <summary>The local host's feedback endpoint, <c>GET|POST /api/feedback</c> on 127.0.0.1:<c>Feedback:ListenPort</c>
/// (the path of the Azure app's HTTP function): thin over <see cref="FeedbackService"/>. Off when the port is 0.</summary>
internal sealed class FeedbackEndpoint(FeedbackService feedback, IOptions<FeedbackOptions> options, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ListenPort == 0)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        // Loopback only: whoever exposes it (a reverse proxy with TLS) chooses to, and sets Feedback:BaseUrl to match.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Value.ListenPort));
        app = builder.Build();
        app.MapGet(FeedbackLinks.Path, (HttpRequest request, CancellationToken ct) => AnswerAsync(feedback.ConfirmAsync(Token(request, null), ct)));
        app.MapPost(FeedbackLinks.Path, async (HttpRequest request, CancellationToken ct) =>
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
            return await AnswerAsync(feedback.ApplyAsync(Token(request, form), ct));
        }).DisableAntiforgery();
        await app.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>The link's token is in its query; a form may carry it too.</summary>
    private static string? Token(HttpRequest request, IFormCollection? form)
        => request.Query[FeedbackLinks.TokenParameter].FirstOrDefault() ?? form?[FeedbackLinks.TokenParameter].FirstOrDefault();

    private static async Task<IResult> AnswerAsync(Task<FeedbackPage> page)
    {
        var answer = await page;
        return Results.Content(answer.Html, "text/html; charset=utf-8", statusCode: answer.Status);
    }
}
