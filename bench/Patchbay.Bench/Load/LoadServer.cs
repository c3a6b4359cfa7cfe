using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Patchbay.Bench.Load;

/// <summary>
/// The remote API the load's actions call, on a loopback port: <c>GET /item/{id}</c> answers the item, and a
/// 500 for a negative id (the load's designed failures).
/// </summary>
internal sealed class LoadServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoadServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<LoadServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/item/{id:int}", (int id) => id < 0
            ? Results.Json(new { error = "designed failure" }, statusCode: StatusCodes.Status500InternalServerError)
            : Results.Json(new { id, name = "item " + id }));
        await app.StartAsync();
        return new LoadServer(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/'));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
