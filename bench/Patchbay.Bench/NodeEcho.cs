using System.Collections.Concurrent;
using System.Diagnostics;

namespace Patchbay.Bench;

/// <summary>The floor: a bare stdio round trip to a Node process that echoes each line, multiplexed by id.</summary>
internal sealed class NodeEcho : IAsyncDisposable
{
    private const string Script = "let b='';process.stdin.on('data',c=>{b+=c;let i;while((i=b.indexOf('\\n'))>=0){process.stdout.write(b.slice(0,i+1));b=b.slice(i+1);}});";
    private readonly Process _node;
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _pending = new();
    private readonly SemaphoreSlim _write = new(1, 1);
    private long _id;

    public NodeEcho()
    {
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(Script);
        _node = Process.Start(start)!;
        _ = Task.Run(ReadAsync);
    }

    public async Task CallAsync()
    {
        var id = Interlocked.Increment(ref _id);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        await _write.WaitAsync();
        try
        {
            await _node.StandardInput.WriteAsync($"{{\"id\":{id},\"t\":\"ping\"}}\n");
            await _node.StandardInput.FlushAsync();
        }
        finally
        {
            _write.Release();
        }

        await done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _node.Kill();
        await _node.WaitForExitAsync();
        _node.Dispose();
        _write.Dispose();
    }

    private async Task ReadAsync()
    {
        while (await _node.StandardOutput.ReadLineAsync() is { } line)
        {
            var start = line.IndexOf(':', StringComparison.Ordinal) + 1;
            var id = long.Parse(line.AsSpan(start, line.IndexOf(',', StringComparison.Ordinal) - start), System.Globalization.CultureInfo.InvariantCulture);
            if (_pending.TryRemove(id, out var done))
            {
                done.SetResult();
            }
        }
    }
}
