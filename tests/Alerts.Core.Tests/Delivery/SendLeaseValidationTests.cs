using Alerts.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Tests.Delivery;

/// <summary>Start-up refuses a send lease that a channel's longest send could outlast.</summary>
public sealed class SendLeaseValidationTests
{
    [Theory]
    [InlineData("00:00:20", "00:00:30", "00:00:05", "Notify:SendLease (00:00:20) must be longer than Smtp:Timeout (00:00:30)")]
    [InlineData("00:00:30", "00:00:30", "00:00:05", "Notify:SendLease (00:00:30) must be longer than Smtp:Timeout (00:00:30)")]
    [InlineData("00:00:30", "00:00:05", "00:00:25", "Notify:SendLease (00:00:30) must be longer than Teams:Timeout plus the pacing wait of up to 10 s (00:00:35)")]
    public void StartUp_LeaseNotLongerThanAChannelsLongestSend_FailsNamingTheSettings(string lease, string smtpTimeout, string teamsTimeout, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => NotifyOptions(lease, smtpTimeout, teamsTimeout));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartUp_DefaultLeaseAndTimeouts_AreValid()
        => Assert.Equal(TimeSpan.FromMinutes(2), NotifyOptions(null, null, null).SendLease);

    private static NotifyOptions NotifyOptions(string? lease, string? smtpTimeout, string? teamsTimeout)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:From"] = "alerts@alerts.test",
            ["Notify:SendLease"] = lease,
            ["Smtp:Timeout"] = smtpTimeout,
            ["Teams:Timeout"] = teamsTimeout,
        }.Where(s => s.Value is not null)).Build();
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddAlertsDelivery(configuration)
            .BuildServiceProvider();
        return provider.GetRequiredService<IOptions<NotifyOptions>>().Value;
    }
}
