using Alerts.Analysis;
using Alerts.Delivery;
using Alerts.Host;

namespace Alerts.Tests.Pipeline;

/// <summary>The host's record of what it sent stays bounded however long it runs (issue 16 #17).</summary>
public sealed class PipelineActivityTests
{
    [Fact]
    public void AlertSent_ManyMoreThanKept_KeepsTheNewestAndCountsThemAll()
    {
        var activity = new PipelineActivity(TimeProvider.System);
        var sent = PipelineActivity.KeptAlerts + 250;

        for (var i = 0; i < sent; i++)
        {
            activity.AlertSent(AlertNumbered(i));
        }

        Assert.Equal(sent, activity.AlertsSentCount);
        Assert.Equal(PipelineActivity.KeptAlerts, activity.AlertsSent.Count);
        Assert.Equal($"statement {sent - 1}", activity.AlertsSent.Last().Text);
        Assert.Equal("statement 250", activity.AlertsSent.First().Text);
    }

    private static Alert AlertNumbered(int i) => new(
        $"key{i}", new Speaker("Helen Marsh", null, SpeakerKind.Person), $"statement {i}", StatementKind.Direct, 0.8, 0, [], DateTimeOffset.UnixEpoch, []);
}
