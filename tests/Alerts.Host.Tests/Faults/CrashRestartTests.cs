using System.Diagnostics;
using Alerts.Tests.Infrastructure;
using Azure.Storage.Blobs;
using Xunit.Abstractions;

namespace Alerts.Tests.Faults;

/// <summary>Fault matrix: the host SIGKILLed at many points of one run (fetching, analysing, claiming statements,
/// sending), then started again each time. The kills go down a list of twenty points; a point whose stage the run has
/// left behind is skipped, and the kills stop once the run has settled, so eight stories reach five to eight points. Every expected alert arrives; a crash costs at most one repeat, and a repeat
/// carries the Message-ID of the first send.</summary>
public sealed class CrashRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Stories = 8;
    private FaultRig rig = null!;

    public async Task InitializeAsync() => rig = await FaultRig.StartAsync();

    public async Task DisposeAsync() => await rig.DisposeAsync();

    /// <summary>Where a life of the host ends: after the n-th console line with this event id (counted from the start of
    /// that life), plus a delay that lands before, during or after the next write.</summary>
    private sealed record KillPoint(string Stage, string EventId, int Occurrence, int DelayMs);

    private static readonly KillPoint[] KillPoints =
    [
        new("fetch", "[1004]", 1, 0), new("fetch", "[1004]", 1, 40), new("analysis", "[2001]", 1, 0), new("novelty", "[2001]", 1, 25),
        new("delivery", "[4002]", 1, 0), new("fetch", "[1004]", 2, 5), new("novelty", "[2001]", 1, 60), new("delivery", "[4002]", 1, 10),
        new("analysis", "[2001]", 2, 0), new("delivery", "[4002]", 2, 0), new("novelty", "[2001]", 1, 40), new("fetch", "[1004]", 1, 80),
        new("delivery", "[4002]", 1, 3), new("analysis", "[2001]", 1, 10), new("novelty", "[4001]", 1, 0), new("delivery", "[4002]", 1, 20),
        new("fetch", "[1004]", 1, 120), new("novelty", "[2001]", 1, 90), new("delivery", "[4002]", 1, 1), new("analysis", "[2001]", 1, 150),
    ];

    [Fact]
    public async Task Host_KilledAtManyPointsOfARunAndRestarted_DeliversEveryAlertWithAtMostOneRepeatPerCrash()
    {
        var feedUrl = Newsroom.Serve(rig.Feeds, Stories, pageDelay: TimeSpan.FromMilliseconds(150));
        HostProcess.WriteSettings(rig.Settings, Newsroom.HostSettings(rig.Azurite, rig.Mail, feedUrl, Newsroom.WriteDeskSubscriptions(rig.Subscriptions)));
        var storage = new BlobServiceClient(rig.Azurite.ConnectionString);
        var clock = Stopwatch.StartNew();
        var kills = new List<string>();
        var crashes = 0;

        foreach (var point in KillPoints)
        {
            await using var host = HostProcess.Start(rig.Settings);
            // Every life ends in SIGKILL, at its kill point or (disposed) wherever it is.
            crashes++;
            var line = -1;
            // A life ends at its kill point; a stage the run has left behind is skipped (that life is killed as it is).
            for (var waited = Stopwatch.StartNew(); line < 0 && waited.Elapsed < TimeSpan.FromSeconds(8);)
            {
                line = await host.WaitForLineAsync(l => l.Contains(point.EventId, StringComparison.Ordinal), point.Occurrence, TimeSpan.FromSeconds(1));
                Assert.False(host.HasExited, "The host exited by itself:\n" + string.Join("\n", host.Lines.TakeLast(30)));
            }

            if (line < 0)
            {
                var state = await PipelineState.ReadAsync(storage);
                output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1}s  no {point.Stage} line {point.EventId} #{point.Occurrence} within the life; {state}");
                if (state.Settled(Stories))
                {
                    break;
                }

                continue;
            }

            await Task.Delay(point.DelayMs);
            await host.KillAsync();
            kills.Add($"{point.Stage}+{point.DelayMs}ms");
            output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1}s  killed at {point.Stage} ({point.EventId} #{point.Occurrence} +{point.DelayMs} ms): {await PipelineState.ReadAsync(storage)}, {(await rig.Mail.EmailsAsync()).Count} emails");
        }

        await using (var last = HostProcess.Start(rig.Settings))
        {
            var settled = await PipelineState.WaitSettledAsync(storage, Stories, TimeSpan.FromSeconds(60));
            output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1}s  settled: {settled}");
        }

        var repeats = await FaultRun.AssertEveryAlertOnceAsync(rig.Mail, Stories, output,
            $"SIGKILLs {crashes}, {kills.Count} at stage points: {string.Join(", ", kills)}; {clock.Elapsed.TotalSeconds:F0} s");
        Assert.True(repeats <= crashes, $"{repeats} repeats after {crashes} crashes");
        Assert.True(kills.Count >= 4, $"only {kills.Count} kill points were reached");
    }
}
