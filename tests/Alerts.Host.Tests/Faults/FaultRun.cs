using Alerts.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Alerts.Tests.Faults;

/// <summary>What the fault-matrix tests check of the mailbox at the end of a run, and the figures they print.</summary>
internal static class FaultRun
{
    /// <summary>Every story's alert arrived, each under one Message-ID; returns how many emails repeated one.</summary>
    public static async Task<int> AssertEveryAlertOnceAsync(MailDev mail, int stories, ITestOutputHelper output, string figures)
    {
        var emails = await mail.EmailsAsync();
        var byMessageId = emails.GroupBy(e => e.Header("message-id")).ToList();
        var repeats = emails.Count - byMessageId.Count;
        output.WriteLine($"alerts expected {stories}, delivered {byMessageId.Count}, repeated {repeats}; {figures}");
        foreach (var (speaker, _, _) in Newsroom.Stories.Take(stories))
        {
            // One Message-ID per statement: a second one would be a repeat the mail client cannot fold.
            var alert = Assert.Single(byMessageId, g => g.First().Subject.StartsWith(speaker + ":", StringComparison.Ordinal));
            Assert.All(alert, e => Assert.Equal(alert.First().Subject, e.Subject));
        }

        Assert.Equal(stories, byMessageId.Count);
        return repeats;
    }
}

/// <summary>What every fault-matrix test runs against: its own Azurite (optionally on a data folder it keeps across a
/// restart), maildev, a feed server, and the subscriptions and settings files the host process reads.</summary>
internal sealed class FaultRig : IAsyncDisposable
{
    private FaultRig(Azurite azurite, MailDev mail, LocalHttpServer feeds)
        => (Azurite, Mail, Feeds) = (azurite, mail, feeds);

    public Azurite Azurite { get; }

    public MailDev Mail { get; }

    public LocalHttpServer Feeds { get; }

    public string Subscriptions { get; } = Path.Combine(Path.GetTempPath(), $"subscriptions-{Guid.NewGuid():N}.json");

    public string Settings { get; } = Path.Combine(Path.GetTempPath(), $"settings-{Guid.NewGuid():N}.json");

    public static async Task<FaultRig> StartAsync(string? azuriteLocation = null)
        => new(await Azurite.StartAsync(location: azuriteLocation), await MailDev.StartAsync(), await LocalHttpServer.StartAsync());

    public async ValueTask DisposeAsync()
    {
        File.Delete(Subscriptions);
        File.Delete(Settings);
        await Feeds.DisposeAsync();
        await Mail.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
