using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Hub.Tests.Faults;

/// <summary>
/// The remote system that fault-test actions change, on a loopback port. <c>POST /effect/{tag}?key=&amp;pid=</c>
/// is one delivery of a side effect: every delivery is counted, and the effect is applied once per key, as an
/// idempotent API does. The first delivery of a tag is held (no answer) until <see cref="Release"/> or until the
/// caller goes away, so a test can strike a fault while an invocation is in the middle of its work, after the
/// side effect reached the remote side.
/// </summary>
public sealed class SideEffects : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Delivery>> _deliveries = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new();
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    /// <summary>The connector code of an action that delivers the effect of its input <c>tag</c> (its key: the tag) and answers what the remote answered.</summary>
    public string DeliverCode() => $$"""
        var tag = encodeURIComponent(data.inputs.input.tag);
        fetch('{{Url}}/effect/' + tag + '?key=' + tag + '&pid=' + process.pid, { method: 'POST', headers: { 'X-Secret': String(globals.systemproperties.secret) } })
            .then(function (r) { return r.json(); })
            .then(function (body) { callback(RESPONSE(body, null, 200)); }, function (e) { callback(RESPONSE(null, { message: String(e) }, 500)); });
        """;

    /// <summary>Every delivery of the tag so far, in order.</summary>
    public IReadOnlyList<Delivery> Deliveries(string tag) => [.. _deliveries.GetValueOrDefault(tag) ?? []];

    /// <summary>How many distinct effects were applied: deliveries counted once per key.</summary>
    public int Effects(string tag) => Deliveries(tag).Select(d => d.Key).Distinct().Count();

    /// <summary>Lets the held first delivery of the tag answer.</summary>
    public void Release(string tag) => _holds.GetOrAdd(tag, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits until the tag has <paramref name="count"/> deliveries and returns them.</summary>
    public async Task<IReadOnlyList<Delivery>> WaitForDeliveriesAsync(string tag, int count, TimeSpan? timeout = null) =>
        await Eventually.ValueAsync(() => Deliveries(tag) is { } d && d.Count >= count ? d : null, timeout ?? TimeSpan.FromSeconds(60), $"{count} deliveries of {tag}");

    public async ValueTask InitializeAsync()
    {
        _app = Loopback.Create();
        _app.MapPost("/effect/{tag}", async (string tag, string key, int pid, HttpContext context) =>
        {
            var queue = _deliveries.GetOrAdd(tag, _ => new());
            var first = queue.IsEmpty;
            queue.Enqueue(new Delivery(key, pid, context.Request.Headers["X-Secret"].ToString()));
            if (first)
            {
                var hold = _holds.GetOrAdd(tag, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
                await Task.WhenAny(hold.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
            }

            return Results.Json(new { applied = key, delivery = queue.Count });
        });
        Url = await Loopback.StartAsync(_app);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hold in _holds.Values)
        {
            hold.TrySetResult();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>One delivery: the effect's key, the pid of the worker that sent it, and the secret the action read from its configuration.</summary>
    public sealed record Delivery(string Key, int Pid, string Secret);
}
