using System.Text;

namespace Alerts.Tests.Infrastructure;

/// <summary>An RSS feed of on-topic stories on a local HTTP server, each by its own speaker with its own statement, so
/// each story must give exactly one alert: what the fault-matrix tests count. Pages answer after a short delay, which
/// keeps a fetch run long enough to be interrupted in the middle.</summary>
internal static class Newsroom
{
    /// <summary>Speaker (as the alert's subject starts), their title, and a statement only they make.</summary>
    public static readonly (string Speaker, string Title, string Quote)[] Stories =
    [
        ("Victor Lang", "Defense Secretary", "We will not wait for another attack on our border, and the military is ready to act in Mexico"),
        ("Ana Ruiz", "Senator", "American special forces could strike cartel laboratories inside Mexico within weeks"),
        ("Elena Duarte", "Foreign Minister", "Mexico will never accept United States troops on its soil"),
        ("Thomas Reed", "Admiral", "American forces are ready to strike the cartels in Mexico if the attacks on our border continue"),
        ("Carla Nunez", "Representative", "Sending American troops into Mexico to fight the cartels would need a vote of Congress"),
        ("Pablo Ortega", "Interior Minister", "Any unilateral U.S. strike on Mexican territory would violate our sovereignty"),
        ("James Holt", "Senator", "The Pentagon has drawn up plans to send troops across the border to fight the cartels in Mexico"),
        ("Irene Salas", "Ambassador", "Washington has not asked Mexico for permission to deploy American soldiers against the cartels"),
    ];

    private static readonly string[] Places = ["Washington", "Mexico City", "San Diego", "Monterrey", "El Paso", "Tijuana", "Houston", "Juarez"];
    private static readonly string[] Occasions =
    [
        "at a briefing on Thursday morning", "during a radio interview", "after a closed hearing", "on the sidelines of a summit",
        "in a written statement", "at a press conference", "while visiting a naval base", "in a televised address",
    ];

    /// <summary>Serves <c>/newsroom.xml</c> and one page per story; returns the feed's URL.</summary>
    public static string Serve(LocalHttpServer server, int count, TimeSpan pageDelay)
    {
        var items = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var (speaker, title, quote) = Stories[i];
            var headline = $"{speaker} speaks on cartels and the border";
            var link = server.Url($"newsroom/story-{i}.html").AbsoluteUri;
            items.Append(CultureInvariant($"""
                <item><title>{headline}</title><link>{link}</link><guid isPermaLink="false">newsroom-{i}</guid>
                <pubDate>Tue, 10 Nov 2026 {10 + i:00}:00:00 GMT</pubDate><description>{title} {speaker} spoke {Occasions[i]}.</description></item>
                """));
            var surname = speaker.Split(' ')[^1];
            var page = $"""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{headline}</title>
                <link rel="canonical" href="{link}"></head><body><article><h1>{headline}</h1>
                <p>{Places[i].ToUpperInvariant()} — {title} {speaker} spoke {Occasions[i]}, story number {i} of the newsroom's series on the border.</p>
                <p>“{quote},” {surname} said.</p>
                <p>Reporters from {Places[(i + 3) % Places.Length]} asked about harvest schedules and the weather in story {i}; {surname} did not answer those questions.</p>
                </article></body></html>
                """;
            var bytes = Encoding.UTF8.GetBytes(page);
            server.Map($"/newsroom/story-{i}.html", async context =>
            {
                await Task.Delay(pageDelay, context.RequestAborted);
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
            });
        }

        server.MapContent("/newsroom.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Newsroom</title><link>{server.BaseUri}</link><description>Test stories</description>
            {items}
            </channel></rss>
            """, "application/rss+xml; charset=utf-8");
        return server.Url("newsroom.xml").AbsoluteUri;
    }

    /// <summary>Settings of a child host (A__B names) over this storage, mailbox and feed, with every recovery timing short.</summary>
    public static Dictionary<string, string> HostSettings(Azurite azurite, MailDev mail, string feedUrl, string subscriptionsFile) => new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["Fetch__Schedule"] = "*/4 * * * * *",
        ["Fetch__Sources__0__Name"] = "Newsroom",
        ["Fetch__Sources__0__Url"] = feedUrl,
        ["Fetch__AllowedPrivateHosts__0"] = "127.0.0.1",
        ["Fetch__RetryDelay"] = "00:00:00.200",
        ["Fetch__BreakDuration"] = "00:00:01",
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = $"{mail.SmtpPort}",
        ["Smtp__Security"] = "None",
        ["Smtp__From"] = "alerts@alerts.test",
        ["Smtp__Timeout"] = "00:00:05",
        ["Teams__Timeout"] = "00:00:01",
        ["Notify__SendLease"] = "00:00:12",
        ["Notify__RetryDelay"] = "00:00:01",
        ["Notify__MaxRetryDelay"] = "00:00:02",
        ["Notify__MaxAttempts"] = "100",
        ["Notify__ResumeAfter"] = "00:01:00",
        ["Notify__RedriveSchedule"] = "*/2 * * * * *",
        ["Notify__SubscriptionsFile"] = subscriptionsFile,
        ["Notify__SubscriptionsRefresh"] = "00:00:00",
        ["Reconcile__Schedule"] = "*/3 * * * * *",
        ["Reconcile__GracePeriod"] = "00:00:01",
    };

    /// <summary>One immediate email subscriber who takes every alert.</summary>
    public static string WriteDeskSubscriptions(string path)
    {
        File.WriteAllText(path, """
            {"subscribers": [{"id": "desk", "name": "News desk", "channels": {"email": {"address": "desk@example.test"}},
              "filters": {"minRelevance": 0}, "cadence": "immediate"}]}
            """);
        return path;
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
