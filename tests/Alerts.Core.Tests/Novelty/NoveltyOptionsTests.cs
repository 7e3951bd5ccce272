using Alerts.Novelty;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Tests.Novelty;

public sealed class NoveltyOptionsTests
{
    [Fact]
    public void Options_Defaults_AreValidAndDocumented()
    {
        var options = Resolve([]);

        Assert.Equal(TimeSpan.FromDays(30), options.Window);
        Assert.Equal(0.75, options.ClaimMatchThreshold);
        Assert.Equal(0.3, options.AnonymousContextThreshold);
        Assert.Equal(256, options.MaxCandidates);
    }

    [Fact]
    public void Options_Settings_AreBoundFromTheNoveltySection()
    {
        var options = Resolve(new() { ["Novelty:Window"] = "7.00:00:00", ["Novelty:ClaimMatchThreshold"] = "0.8" });

        Assert.Equal(TimeSpan.FromDays(7), options.Window);
        Assert.Equal(0.8, options.ClaimMatchThreshold);
    }

    [Theory]
    [InlineData("Novelty:ClaimMatchThreshold", "1.5", "ClaimMatchThreshold")]
    [InlineData("Novelty:Window", "00:00:30", "Window")]
    [InlineData("Novelty:LshBands", "0", "LshBands")]
    [InlineData("Novelty:RecentCandidates", "900", "Novelty:RecentCandidates")]
    public void Options_BadSetting_FailsNamingIt(string name, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [name] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static NoveltyOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddAlertsNovelty(configuration, inMemory: true)
            .AddOptions<Alerts.Analysis.AnalysisOptions>().Services
            .BuildServiceProvider();
        return provider.GetRequiredService<IOptions<NoveltyOptions>>().Value;
    }
}
