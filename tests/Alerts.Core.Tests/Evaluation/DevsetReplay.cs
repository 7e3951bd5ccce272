using Alerts.Replay;
using Alerts.Tests.Corpus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Tests.Evaluation;

/// <summary>The alerts a replay of ../shared/devset/articles writes, run in-process once for the tests that score them.</summary>
internal static class DevsetReplay
{
    private static readonly Lazy<Task<string>> Lines = new(RunAsync);

    public static Task<string> AlertLinesAsync() => Lines.Value;

    private static async Task<string> RunAsync()
    {
        var configuration = new ConfigurationBuilder().Build();
        await using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddAlertsReplay(configuration)
            .BuildServiceProvider();
        using var alerts = new StringWriter();
        await provider.GetRequiredService<ReplayRunner>().RunAsync(Devset.PathOf("articles"), alerts, explain: false, CancellationToken.None);
        return alerts.ToString();
    }
}
