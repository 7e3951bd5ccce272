using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Alerts.Tests.Infrastructure;

/// <summary>A minimal SMTP server on 127.0.0.1 whose replies a test scripts per connection: the n-th connection may
/// answer one stage (greeting, MAIL, RCPT or the end of DATA) with a given reply; every other reply is a success.
/// It counts the messages it accepted.</summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<int, (string Stage, string Reply)> script = new();
    private readonly Task accepting;
    private int connections;
    private int accepted;

    public ScriptedSmtpServer()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Messages accepted with 250 at the end of DATA.</summary>
    public int Accepted => Volatile.Read(ref accepted);

    public int Connections => Volatile.Read(ref connections);

    /// <summary>Connection <paramref name="connection"/> (1-based) answers <paramref name="stage"/> (greeting, mail,
    /// rcpt, data) with <paramref name="reply"/>, e.g. "451 4.3.0 try again later".</summary>
    public void Answer(int connection, string stage, string reply) => script[connection] = (stage, reply);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = ServeAsync(client, Interlocked.Increment(ref connections));
        }
    }

    private async Task ServeAsync(TcpClient client, int connection)
    {
        using (client)
        {
            var scripted = script.TryGetValue(connection, out var s) ? s : ("", "");
            string Reply(string stage, string success) => scripted.Item1 == stage ? scripted.Item2 : success;
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                var greeting = Reply("greeting", "220 scripted.test ESMTP");
                await writer.WriteLineAsync(greeting);
                if (!greeting.StartsWith('2'))
                {
                    return;
                }

                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO" or "HELO":
                            await writer.WriteLineAsync("250 scripted.test");
                            break;
                        case "MAIL":
                            await writer.WriteLineAsync(Reply("mail", "250 2.1.0 OK"));
                            break;
                        case "RCPT":
                            await writer.WriteLineAsync(Reply("rcpt", "250 2.1.5 OK"));
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                            while (await reader.ReadLineAsync(stop.Token) is { } data && data != ".")
                            {
                            }

                            var end = Reply("data", "250 2.0.0 queued");
                            if (end.StartsWith("250", StringComparison.Ordinal))
                            {
                                Interlocked.Increment(ref accepted);
                            }

                            await writer.WriteLineAsync(end);
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 OK");
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // The client hung up.
            }
        }
    }
}
