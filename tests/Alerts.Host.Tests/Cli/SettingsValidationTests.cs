namespace Alerts.Tests.Cli;

/// <summary>A missing or malformed setting stops start-up with a message naming it.</summary>
public sealed class SettingsValidationTests : IDisposable
{
    private readonly string settings = Path.Combine(Path.GetTempPath(), $"settings-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(settings);

    [Theory]
    [InlineData("Fetch__Sources__0__Url", "ftp://example.test/feed", "Fetch:Sources:0 ('Wire'): Url must be an absolute http or https URL")]
    [InlineData("Fetch__Schedule", "every five minutes", "Fetch:Schedule")]
    [InlineData("Fetch__AllowedPrivateNetworks__0", "10.1.0.0/33", "Fetch:AllowedPrivateNetworks:0 '10.1.0.0/33' is not a CIDR range")]
    [InlineData("Smtp__Port", "70000", "Port")]
    [InlineData("Smtp__Security", "StartTlsWhenAvailable", "Smtp:Security must be None, StartTls or SslOnConnect")]
    [InlineData("Notify__RedriveSchedule", "every minute", "Notify:RedriveSchedule")]
    [InlineData("Notify__SendLease", "00:00:20", "Notify:SendLease (00:00:20) must be longer than Smtp:Timeout (00:00:30)")]
    [InlineData("Analysis__Threshold", "1.5", "Threshold")]
    [InlineData("Analysis__Analyzer", "AzureLanguage", "Analysis__Language__Endpoint")]
    [InlineData("Novelty__ClaimMatchThreshold", "2", "ClaimMatchThreshold")]
    [InlineData("Novelty__Window", "00:00:01", "Window")]
    [InlineData("Reconcile__Schedule", "every ten minutes", "Reconcile:Schedule")]
    [InlineData("Reconcile__MaxPerRun", "0", "MaxPerRun")]
    [InlineData("Poison__MaxAttempts", "9", "MaxAttempts")]
    public async Task Run_BadSetting_StopsStartUpNamingTheSetting(string name, string value, string expected)
    {
        var values = ValidValues();
        values[name] = value;
        await WriteSettingsAsync(values);

        var (exit, _, stderr) = await ReplayCommandTests.RunAsync("run", "--settings", settings);

        Assert.Equal(Alerts.Host.Cli.BadUsage, exit);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidSubscriptionsFile_StopsStartUpNamingSubscriberAndField()
    {
        var subscriptions = Path.ChangeExtension(settings, ".subscriptions.json");
        await File.WriteAllTextAsync(subscriptions, """
            {"subscribers": [{"id": "desk", "name": "News desk", "channels": {"email": {"address": "not-an-address"}}, "cadence": "daily", "timeZone": "Mars/Olympus"}]}
            """);
        var values = ValidValues();
        values["Notify__SubscriptionsFile"] = subscriptions;
        await WriteSettingsAsync(values);
        try
        {
            var (exit, _, stderr) = await ReplayCommandTests.RunAsync("run", "--settings", settings);

            Assert.Equal(Alerts.Host.Cli.BadUsage, exit);
            Assert.Contains("subscribers[0] ('desk'): channels.email.address must be an email address", stderr, StringComparison.Ordinal);
            Assert.Contains("subscribers[0] ('desk'): timeZone 'Mars/Olympus'", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(subscriptions);
        }
    }

    [Fact]
    public async Task Run_NoStorageSetting_SaysWhichSettingIsMissing()
    {
        var values = ValidValues();
        values.Remove("AzureWebJobsStorage");
        await WriteSettingsAsync(values);

        var (exit, _, stderr) = await ReplayCommandTests.RunAsync("run", "--settings", settings);

        Assert.Equal(Alerts.Host.Cli.BadUsage, exit);
        Assert.Contains("AzureWebJobsStorage", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SettingsFileNotJson_SaysSo()
    {
        await File.WriteAllTextAsync(settings, "{ \"Values\": ");

        var (exit, _, stderr) = await ReplayCommandTests.RunAsync("run", "--settings", settings);

        Assert.Equal(Alerts.Host.Cli.BadUsage, exit);
        Assert.Contains("not valid JSON", stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ValidValues() => new()
    {
        // Port 1 on loopback: nothing listens, and validation must fail before anything connects.
        ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;",
        ["Fetch__Sources__0__Name"] = "Wire",
        ["Fetch__Sources__0__Url"] = "http://127.0.0.1:1/feed.xml",
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__From"] = "alerts@example.test",
        ["Notify__RedriveSchedule"] = "0 */1 * * * *",
        ["Notify__DigestSchedule"] = "0 */5 * * * *",
    };

    private Task WriteSettingsAsync(Dictionary<string, string> values)
        => File.WriteAllTextAsync(settings, System.Text.Json.JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
}
