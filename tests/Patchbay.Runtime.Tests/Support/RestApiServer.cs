using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Patchbay.Runtime.Tests.Support;

/// <summary>
/// A real HTTP API on 127.0.0.1 standing in for a remote SaaS: each test maps its own paths to handlers, and every
/// request is recorded as the server received it (method, path and query, headers, body, time on <see cref="Clock"/>).
/// </summary>
public sealed class RestApiServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private WebApplication? _app;

    /// <summary>The base URL, without a trailing slash: <c>http://127.0.0.1:port</c>.</summary>
    public string Url { get; private set; } = "";

    public int Port => new Uri(Url).Port;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>When set before start, the server speaks https with this certificate.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>The clock requests are stamped with (a test's FakeTimeProvider, to measure retry waits).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Answers requests to <paramref name="path"/> (exact, without query) with <paramref name="handler"/>.</summary>
    public void Map(string path, RequestDelegate handler) => _routes[path] = handler;

    /// <summary>Answers <paramref name="path"/> with a fixed status, body and content type.</summary>
    public void Answer(string path, int status, string body, string contentType = "application/json") => Map(path, async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    });

    /// <summary>The requests made to <paramref name="path"/>, in order.</summary>
    public IReadOnlyList<RecordedRequest> To(string path) => Requests.Where(r => r.Path == path).ToList();

    public async ValueTask InitializeAsync()
    {
        _app = Loopback.Create(Certificate);
        _app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "", headers, body, Clock.GetUtcNow()));
            if (_routes.TryGetValue(context.Request.Path.Value ?? "", out var handler))
            {
                await handler(context);
            }
            else
            {
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("no route");
            }
        });
        Url = (await Loopback.StartAsync(_app)).TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>One request as the server received it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
