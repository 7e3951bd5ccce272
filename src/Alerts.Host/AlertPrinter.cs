using Alerts.Delivery;

namespace Alerts.Host;

internal static class AlertPrinter
{
    public static void Print(IReadOnlyCollection<Alert> alerts, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine($"{alerts.Count} alert(s) delivered:");
        foreach (var alert in alerts.OrderBy(a => a.FirstSeen))
        {
            var speaker = alert.Speaker.Role is { Length: > 0 } role ? $"{alert.Speaker.Name} ({role})" : alert.Speaker.Name;
            writer.WriteLine($"- {speaker}: \u201C{alert.Text}\u201D");
            writer.WriteLine($"    source: {string.Join(", ", alert.Sources.Select(s => $"{s.Outlet} <{s.Url}>"))}");
        }
    }
}
