using System.Diagnostics;
using Alerts.Tests.Infrastructure;
using Azure.Storage.Blobs;
using Xunit.Abstractions;

namespace Alerts.Tests.Faults;

/// <summary>Fault matrix: two hosts at once on one storage account, as two instances of the app would be. They race on
/// every blob trigger, reconcile and redrive; every alert arrives exactly once.</summary>
public sealed class TwoHostsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Stories = 8;
    private FaultRig rig = null!;

    public async Task InitializeAsync() => rig = await FaultRig.StartAsync();

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task TwoHosts_OneStorageAccount_DeliverEveryAlertExactlyOnce()
    {
        var feedUrl = Newsroom.Serve(rig.Feeds, Stories, pageDelay: TimeSpan.FromMilliseconds(50));
        var values = Newsroom.HostSettings(rig.Azurite, rig.Mail, feedUrl, Newsroom.WriteDeskSubscriptions(rig.Subscriptions));
        // Reconcile with no grace period, so both hosts' reconcilers race the triggers for every blob.
        values["Reconcile__GracePeriod"] = "00:00:00";
        HostProcess.WriteSettings(rig.Settings, values);
        var storage = new BlobServiceClient(rig.Azurite.ConnectionString);
        var clock = Stopwatch.StartNew();

        await using var first = HostProcess.Start(rig.Settings);
        await using var second = HostProcess.Start(rig.Settings);
        var settled = await PipelineState.WaitSettledAsync(storage, Stories, TimeSpan.FromSeconds(60));
        // Both hosts' timers run a few more times: nothing more may be sent.
        await Task.Delay(TimeSpan.FromSeconds(5));
        output.WriteLine($"{clock.Elapsed.TotalSeconds,5:F1}s settled: {settled}");
        Assert.False(first.HasExited || second.HasExited, "A host stopped.");
        var analysed = (first: first.Lines.Count(l => l.Contains("[2001]", StringComparison.Ordinal)), second: second.Lines.Count(l => l.Contains("[2001]", StringComparison.Ordinal)));
        var sent = (first: first.Lines.Count(l => l.Contains("[4002]", StringComparison.Ordinal)), second: second.Lines.Count(l => l.Contains("[4002]", StringComparison.Ordinal)));

        var repeats = await FaultRun.AssertEveryAlertOnceAsync(rig.Mail, Stories, output,
            $"analyses logged by host 1/2: {analysed.first}/{analysed.second}, sends logged: {sent.first}/{sent.second}; {clock.Elapsed.TotalSeconds:F0} s");
        Assert.Equal(0, repeats);
    }
}
