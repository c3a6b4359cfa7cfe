using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Patchbay.Runtime.Tests.Support;

/// <summary>
/// A real forward proxy on 127.0.0.1: CONNECT tunnels for https and absolute-URI requests for http,
/// recording the request line of each, so tests can prove traffic went through it.
/// </summary>
public sealed class ForwardProxy : IAsyncLifetime
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public ConcurrentQueue<string> RequestLines { get; } = new();

    public ValueTask InitializeAsync()
    {
        _listener.Start();
        _ = Task.Run(AcceptLoopAsync);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => ServeAsync(client));
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream);
            if (head is null)
            {
                return;
            }

            var lines = head.Split("\r\n");
            var parts = lines[0].Split(' ');
            RequestLines.Enqueue($"{parts[0]} {parts[1]}");
            using var upstream = new TcpClient();
            if (parts[0] == "CONNECT")
            {
                var authority = parts[1].Split(':');
                await upstream.ConnectAsync(authority[0], int.Parse(authority[1], System.Globalization.CultureInfo.InvariantCulture));
                await stream.WriteAsync("HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray());
            }
            else
            {
                var target = new Uri(parts[1]);
                await upstream.ConnectAsync(target.Host, target.Port);
                var rewritten = new StringBuilder($"{parts[0]} {target.PathAndQuery} {parts[2]}\r\n");
                foreach (var line in lines.Skip(1).Where(l => l.Length > 0 && !l.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase)))
                {
                    rewritten.Append(line).Append("\r\n");
                }

                await upstream.GetStream().WriteAsync(Encoding.ASCII.GetBytes(rewritten.Append("\r\n").ToString()));
            }

            var up = upstream.GetStream();
            await Task.WhenAny(stream.CopyToAsync(up), up.CopyToAsync(stream));
        }
    }

    /// <summary>Reads up to the blank line; the bytes after it (a request body) are left for the pipe.</summary>
    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            head.Add(one[0]);
            if (head.Count >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
            {
                return Encoding.ASCII.GetString([.. head]).TrimEnd();
            }
        }

        return null;
    }
}
