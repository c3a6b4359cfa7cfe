using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Patchbay.Hub.Operations;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Operations;

public abstract class BodyLimitTests(HubFixture hub) : HubTests(hub)
{
    private static readonly Uri Keys = new("/api/v1/keys", UriKind.Relative);

    [Fact]
    public async Task A_declared_body_over_the_limit_is_a_413_problem()
    {
        var body = new ByteArrayContent(new byte[Hub.Options.MaxRequestBytes + 1]);
        body.Headers.ContentType = new("application/json");

        var response = await Hub.Admin.PostAsync(Keys, body, Cancel);

        await ShouldBeTooLargeAsync(response);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413_problem()
    {
        // Well-formed JSON up to the limit: the reader must pass the limit before it could find the body invalid
        // (a body of zero bytes is refused as malformed JSON at its first byte, a 400 that can win the race).
        var json = "{\"name\":\"" + new string('a', (int)Hub.Options.MaxRequestBytes) + "\"}";
        var body = new StreamContent(new UnknownLengthStream(System.Text.Encoding.UTF8.GetBytes(json)));
        body.Headers.ContentType = new("application/json");

        var response = await Hub.Admin.PostAsync(Keys, body, Cancel);

        await ShouldBeTooLargeAsync(response);
    }

    internal static async Task ShouldBeTooLargeAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        problem["status"]!.GetValue<int>().ShouldBe(413);
        problem["detail"]!.GetValue<string>().ShouldContain("larger than this endpoint accepts");
    }
}

public sealed class SqliteBodyLimitTests(SqliteHub hub) : BodyLimitTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresBodyLimitTests(PostgresHub hub) : BodyLimitTests(hub), IClassFixture<PostgresHub>;

/// <summary>AllowUploads on a small app of its own, so an upload endpoint exists whatever the hub maps.</summary>
public sealed class UploadLimitTests : IAsyncLifetime
{
    private static readonly HubOptions Limits = new() { MaxRequestBytes = 1_000, MaxUploadBytes = 100_000 };
    private WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    [Fact]
    public async Task An_upload_endpoint_accepts_bodies_up_to_the_upload_limit()
    {
        var response = await Client.PostAsync(new Uri("/upload", UriKind.Relative), new ByteArrayContent(new byte[50_000]), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("50000");
    }

    [Fact]
    public async Task Other_endpoints_keep_the_request_limit()
    {
        var response = await Client.PostAsync(new Uri("/small", UriKind.Relative), new ByteArrayContent(new byte[50_000]), TestContext.Current.CancellationToken);

        await BodyLimitTests.ShouldBeTooLargeAsync(response);
    }

    [Fact]
    public async Task An_upload_over_the_upload_limit_is_a_413_problem_declared_or_chunked()
    {
        var declared = await Client.PostAsync(new Uri("/upload", UriKind.Relative), new ByteArrayContent(new byte[100_001]), TestContext.Current.CancellationToken);
        var chunked = await Client.PostAsync(new Uri("/upload", UriKind.Relative), new StreamContent(new UnknownLengthStream(new byte[100_001])), TestContext.Current.CancellationToken);

        await BodyLimitTests.ShouldBeTooLargeAsync(declared);
        await BodyLimitTests.ShouldBeTooLargeAsync(chunked);
    }

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(Limits);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = Limits.MaxRequestBytes;
        });
        _app = builder.Build();
        _app.UseMiddleware<BodyLimitMiddleware>();
        _app.MapPost("/upload", ReadAllAsync).AllowUploads();
        _app.MapPost("/small", ReadAllAsync);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static async Task<string> ReadAllAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A body whose length HttpClient cannot know, so it is sent chunked (no Content-Length).</summary>
internal sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
{
    public override bool CanSeek => false;
}
