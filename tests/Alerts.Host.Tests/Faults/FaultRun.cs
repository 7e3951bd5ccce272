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
