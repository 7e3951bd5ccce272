using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alerts.Tests.Infrastructure;

/// <summary>maildev: a real SMTP server whose HTTP API shows what it received.</summary>
internal sealed class MailDev : IAsyncDisposable
{
    private readonly LocalProcess process;
    private readonly HttpClient http;
    private readonly string directory;

    private MailDev(LocalProcess process, int smtpPort, int webPort, string directory)
    {
        this.process = process;
        this.directory = directory;
        SmtpPort = smtpPort;
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };
    }

    public int SmtpPort { get; }

    public static Task<MailDev> StartAsync(params string[] extraArguments) => StartOnPortAsync(LocalProcess.FreePort(), extraArguments);

    /// <summary>maildev on a given SMTP port: a test can fail to reach it there first, then start it.</summary>
    public static async Task<MailDev> StartOnPortAsync(int smtp, params string[] extraArguments)
    {
        var web = LocalProcess.FreePort();
        // Each instance gets its own mail directory: maildev's default is shared by every instance on the machine.
        var directory = Directory.CreateTempSubdirectory("maildev-").FullName;
        var process = await LocalProcess.StartAsync(
            RepoPaths.NodeTool("maildev"),
            ["--smtp", $"{smtp}", "--web", $"{web}", "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--mail-directory", directory, .. extraArguments],
            web,
            "maildev");
        var mail = new MailDev(process, smtp, web, directory);
        await mail.WaitReadyAsync();
        return mail;
    }

    public async Task<IReadOnlyList<ReceivedEmail>> EmailsAsync()
        => await http.GetFromJsonAsync<List<ReceivedEmail>>("api/email", Json) ?? [];

    public async Task<string> SourceAsync(string id) => await http.GetStringAsync($"api/email/{id}/source");

    public async Task ClearAsync() => (await http.DeleteAsync("api/email/all")).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await process.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task WaitReadyAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var response = await http.GetAsync("api/config");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("maildev's API did not answer.");
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

internal sealed record MailAddress(string Address, string? Name);

internal sealed record ReceivedEmail(
    string Id,
    string Subject,
    List<MailAddress> To,
    string? Text,
    string? Html,
    [property: JsonPropertyName("headers")] Dictionary<string, JsonElement> Headers)
{
    public string Header(string name)
        => Headers.TryGetValue(name, out var value) ? value.ToString() : "";
}
