using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Patchbay.Runtime.Tests.Support;

/// <summary>A real HTTP server on 127.0.0.1 that answers JSON and records what it was asked.</summary>
public sealed class LoopbackServer : IAsyncLifetime
{
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>When set before start, the server speaks https with this certificate.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; init; }

    public async ValueTask InitializeAsync()
    {
        _app = Loopback.Create(Certificate);
        _app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} {body}".TrimEnd());
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"method":"{{context.Request.Method}}","path":"{{context.Request.Path}}","auth":"{{context.Request.Headers.Authorization}}"}""");
        });
        Url = await Loopback.StartAsync(_app);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
