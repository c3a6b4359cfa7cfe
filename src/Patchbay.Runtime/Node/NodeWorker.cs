using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Patchbay.Runtime.Node;

/// <summary>
/// One Node.js process serving one installed connector. Requests and replies are JSON lines over a Unix
/// socket (stdio stays free for whatever the connector prints); many invocations are in flight at once,
/// matched by id.
/// </summary>
internal sealed class NodeWorker : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly string _socketPath;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly StderrTail _stderr;
    private readonly ILogger _logger;
    private long _nextId;
    private volatile WorkerFailureException? _failure;

    private NodeWorker(Process process, Socket socket, string socketPath, StderrTail stderr, ILogger logger)
    {
        _process = process;
        _socket = socket;
        _socketPath = socketPath;
        _stderr = stderr;
        _logger = logger;
        _stream = new NetworkStream(socket, ownsSocket: false);
    }

    public int ProcessId => _process.Id;

    public bool IsAlive => _failure is null;

    /// <summary>Values to mask in what the worker writes to stderr: the secrets of an invocation it is about to run.</summary>
    public void RememberSecrets(IEnumerable<string> secrets) => _stderr.Remember(secrets);

    public static async Task<NodeWorker> StartAsync(WorkerStart start, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(start.TempFolder);
        Directory.CreateDirectory(start.PlatformFolder);
        var socketPath = Path.Combine(Path.GetTempPath(), $"pb-{Guid.NewGuid():N}"[..20] + ".sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(1);

        var stderr = new StderrTail();
        var process = new Process { StartInfo = WorkerProcess.StartInfo(start, socketPath), EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Log.WorkerStderr(logger, process.Id, stderr.Add(e.Data));
            }
        };
        process.OutputDataReceived += (_, _) => { }; // console output outside an invocation: drained, not kept
        process.Start();
        if (!WorkerMemoryLimit.TryApply(process.Id, start.MemoryLimitMegabytes))
        {
            Log.MemoryNotLimited(logger, process.Id);
        }

        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            var accept = listener.AcceptAsync(timeout.Token).AsTask();
            var exited = process.WaitForExitAsync(timeout.Token);
            if (await Task.WhenAny(accept, exited).ConfigureAwait(false) != accept)
            {
                await exited.ConfigureAwait(false);
                throw new WorkerFailureException(WorkerFailureKind.Unavailable, $"The connector's worker did not start: {stderr.DescribeExit(process.ExitCode)}.");
            }

            var worker = new NodeWorker(process, await accept.ConfigureAwait(false), socketPath, stderr, logger);
            worker.Run();
            Log.WorkerStarted(logger, process.Id, start.ConnectorRoot);
            return worker;
        }
        catch
        {
            Kill(process);
            process.Dispose();
            File.Delete(socketPath);
            throw;
        }
    }

    /// <summary>Sends a frame and waits for the reply with the same id.</summary>
    public async Task<JsonObject> RequestAsync(JsonObject frame, CancellationToken cancellationToken)
    {
        if (_failure is { } failure)
        {
            throw failure;
        }

        var id = Interlocked.Increment(ref _nextId);
        frame["id"] = id;
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        if (_failure is { } diedMeanwhile)
        {
            // The worker failed between the check above and the registration: Fail() may not have seen this reply.
            reply.TrySetException(diedMeanwhile);
        }

        try
        {
            await WriteAsync(Encode(frame), cancellationToken).ConfigureAwait(false);
            return await reply.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Kills the process; every invocation in flight fails with <paramref name="reason"/>.</summary>
    public void Kill(WorkerFailureKind kind, string reason)
    {
        if (kind == WorkerFailureKind.Hung)
        {
            Log.WorkerHung(_logger, _process.Id);
        }

        Fail(new WorkerFailureException(kind, reason));
        Kill(_process);
    }

    public async ValueTask DisposeAsync()
    {
        Kill(WorkerFailureKind.Unavailable, "The runtime is shutting down.");
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        _process.Dispose();
        _stream.Dispose();
        _socket.Dispose();
        _writeGate.Dispose();
    }

    private void Run()
    {
        _ = Task.Run(ReadLoopAsync);
        _ = Task.Run(async () =>
        {
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            var reason = _stderr.DescribeExit(_process.ExitCode);
            if (_failure is null)
            {
                Log.WorkerStopped(_logger, _process.Id, reason);
            }

            Fail(new WorkerFailureException(WorkerFailureKind.Crashed, $"The connector's worker stopped: {reason}."));
            _socket.Dispose();
            File.Delete(_socketPath);
        });
    }

    /// <summary>Writes one frame; frames never interleave. A dead socket surfaces as the worker's failure.</summary>
    private async Task WriteAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            throw _failure ?? new WorkerFailureException(WorkerFailureKind.Crashed, "The connector's worker stopped: its connection closed.");
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        using var reader = new StreamReader(_stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (JsonNode.Parse(line) is JsonObject frame && frame["id"]?.GetValue<long>() is { } id && _pending.TryGetValue(id, out var reply))
                {
                    reply.TrySetResult(frame);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or JsonException)
        {
            // The process died or wrote garbage; the exit watcher reports why.
        }
    }

    private void Fail(WorkerFailureException failure)
    {
        _failure ??= failure;
        foreach (var (_, reply) in _pending)
        {
            reply.TrySetException(_failure);
        }
    }

    private static byte[] Encode(JsonObject frame)
    {
        var json = frame.ToJsonString();
        var bytes = new byte[Encoding.UTF8.GetByteCount(json) + 1];
        Encoding.UTF8.GetBytes(json, bytes);
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
