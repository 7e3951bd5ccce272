using Alerts.Analysis;
using Alerts.Delivery;
using BenchmarkDotNet.Attributes;

namespace Alerts.Benchmarks;

/// <summary>Rendering cost of the two channels, 1,000 alerts per invocation (the global job runs one invocation per
/// iteration): the multipart email (MimeKit) and the Teams Adaptive Card payload, each with escaping and the size check.
/// A 20-statement digest shows the grouped case.</summary>
[MemoryDiagnoser]
public class DeliveryBenchmarks
{
    private const int Alerts = 1000;
    private readonly SmtpOptions smtp = new() { Host = "127.0.0.1", From = "alerts@alerts.local" };
    private DeliveryRecord[] alerts = [];
    private DeliveryRecord digest = null!;

    [GlobalSetup]
    public void Setup()
    {
        alerts = [.. Enumerable.Range(0, Alerts).Select(i => Record(DeliveryKind.Alert, [Alert(i)]))];
        digest = Record(DeliveryKind.Digest, [.. Enumerable.Range(0, 20).Select(Alert)]);
    }

    [Benchmark]
    public long RenderEmail1000Alerts()
    {
        long bytes = 0;
        foreach (var alert in alerts)
        {
            using var message = EmailAlertMessage.Create(alert, smtp);
            using var stream = new MemoryStream();
            message.WriteTo(stream);
            bytes += stream.Length;
        }

        return bytes;
    }

    [Benchmark]
    public long RenderTeamsCard1000Alerts()
    {
        long chars = 0;
        foreach (var alert in alerts)
        {
            chars += TeamsCard.Payload(alert).Length;
        }

        return chars;
    }

    [Benchmark]
    public long RenderDigest20StatementsEmailAndCard1000Times()
    {
        long size = 0;
        for (var i = 0; i < Alerts; i++)
        {
            using var message = EmailAlertMessage.Create(digest, smtp);
            size += (message.HtmlBody?.Length ?? 0) + TeamsCard.Payload(digest).Length;
        }

        return size;
    }

    private static Alert Alert(int i) => new(
        $"key{i:D6}",
        new Speaker(i % 3 == 0 ? "Helen Marsh" : i % 3 == 1 ? "Teresa Campos" : "Paul Whitaker", "Defense Secretary", SpeakerKind.Person),
        $"We are preparing every option <b>#{i}</b>, including [strikes](https://evil.example) on cartel laboratories, if our citizens remain in danger along the border.",
        StatementKind.Direct,
        0.8,
        -0.3,
        [new AlertSource("Gulf Coast Wire", $"Story {i % 5}", $"https://news.example.org/2026/{i}"), new AlertSource("Frontera Daily", "Reprint", "https://frontera.example/x")],
        new DateTimeOffset(2026, 3, 5, 14, 0, 0, TimeSpan.Zero).AddMinutes(i),
        ["military"]);

    private static DeliveryRecord Record(DeliveryKind kind, IReadOnlyList<Alert> items) => new()
    {
        Id = "bench",
        Kind = kind,
        SubscriberId = "desk",
        SubscriberName = "News desk",
        Channel = "email",
        Address = "desk@example.test",
        MessageId = "bench.desk",
        Alerts = items,
        Period = "2026-03-05 08:00\u201309:00 (America/Mexico_City)",
        Status = DeliveryStatus.Pending,
        Created = new DateTimeOffset(2026, 3, 5, 14, 0, 0, TimeSpan.Zero),
    };
}
