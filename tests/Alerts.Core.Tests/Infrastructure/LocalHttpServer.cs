using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Tests.Infrastructure;

/// <summary>A real HTTP server (Kestrel) on 127.0.0.1 and a free port, answering from handlers a test maps per path.</summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, RequestDelegate> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    private LocalHttpServer(WebApplication app) => this.app = app;

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyCollection<RecordedRequest> Requests => requests;

    public static async Task<LocalHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new LocalHttpServer(builder.Build());
        server.app.Run(server.DispatchAsync);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery.TrimStart('/'));

    public void Map(string path, RequestDelegate handler) => routes[Normalize(path)] = handler;

    public void MapContent(string path, string body, string contentType, int status = 200) =>
        MapBytes(path, Encoding.UTF8.GetBytes(body), contentType, status);

    public void MapBytes(string path, byte[] body, string contentType, int status = 200) => Map(path, async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    });

    public int CountRequests(string path) => requests.Count(r => r.Path == Normalize(path));

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }

    private async Task DispatchAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        requests.Enqueue(new RecordedRequest(path, context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        if (routes.TryGetValue(path, out var handler))
        {
            await handler(context);
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private static string Normalize(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        path = query < 0 ? path : path[..query];
        return path.StartsWith('/') ? path : "/" + path;
    }
}

public sealed record RecordedRequest(string Path, string Query, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
