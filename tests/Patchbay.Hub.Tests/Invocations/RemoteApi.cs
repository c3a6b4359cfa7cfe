using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Hub.Tests.Invocations;

/// <summary>
/// The API that test connectors call, on a loopback port: it counts the calls of each tag (so a test proves how
/// often an action really ran), fails on demand, and receives job callbacks.
/// </summary>
public sealed class RemoteApi : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly Channel<(string? JobId, JsonObject Body)> _callbacks = Channel.CreateUnbounded<(string?, JsonObject)>();
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public int Hits(string tag) => _hits.GetValueOrDefault(tag);

    public async ValueTask InitializeAsync()
    {
        _app = Loopback.Create();

        // Counts and answers 200; ?delayMs=N answers after a while (so duplicates overlap).
        _app.MapGet("/hits/{tag}", async (string tag, int? delayMs) =>
        {
            var n = _hits.AddOrUpdate(tag, 1, (_, v) => v + 1);
            if (delayMs is > 0)
            {
                await Task.Delay(delayMs.Value);
            }

            return Results.Json(new { n });
        });

        // Answers 503 for the first `failures` calls of the tag, then 200.
        _app.MapGet("/flaky/{tag}/{failures:int}", (string tag, int failures) =>
            _hits.AddOrUpdate(tag, 1, (_, v) => v + 1) <= failures ? Results.StatusCode(503) : Results.Json(new { ok = true }));

        // Always answers the given status.
        _app.MapGet("/status/{tag}/{code:int}", (string tag, int code) =>
        {
            _hits.AddOrUpdate(tag, 1, (_, v) => v + 1);
            return Results.StatusCode(code);
        });

        // A callback receiver that is down: counts and answers 500.
        _app.MapPost("/callback-down/{tag}", (string tag) =>
        {
            _hits.AddOrUpdate(tag, 1, (_, v) => v + 1);
            return Results.StatusCode(500);
        });

        _app.MapPost("/callback", async (HttpContext context) =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
            await _callbacks.Writer.WriteAsync((context.Request.Headers["Patchbay-Job-Id"].ToString(), body));
            return Results.Ok();
        });

        Url = await Loopback.StartAsync(_app);
    }

    /// <summary>The next callback received, within the timeout.</summary>
    public async Task<(string? JobId, JsonObject Body)> NextCallbackAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        return await _callbacks.Reader.ReadAsync(limit.Token);
    }

    /// <summary>The next callback of a given job within the timeout; callbacks of other jobs before it are passed over.</summary>
    public async Task<JsonObject> NextCallbackAsync(Guid jobId, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (true)
        {
            var (id, body) = await _callbacks.Reader.ReadAsync(limit.Token);
            if (id == jobId.ToString())
            {
                return body;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
