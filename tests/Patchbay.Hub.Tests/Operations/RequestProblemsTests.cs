using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Patchbay.Hub.Operations;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Operations;

/// <summary>
/// <see cref="RequestProblemsMiddleware"/> on a small app of its own, so that failures the real hub's endpoints
/// never produce on purpose (an exception, a bare status) can be provoked.
/// </summary>
public sealed class RequestProblemsTests : IAsyncLifetime
{
    private const string SecretInException = "connection string with Password=hunter2";
    private readonly LogCapture _logs = new();
    private WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    [Fact]
    public async Task An_unexpected_exception_is_a_500_problem_with_a_request_id_and_without_its_text()
    {
        var response = await Client.GetAsync(new Uri("/api/throws", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        problem["detail"]!.GetValue<string>().ShouldContain("request id");
        problem.ToJsonString().ShouldNotContain("hunter2");
        _logs.All.Contains(SecretInException, StringComparison.Ordinal).ShouldBeTrue("the cause is in the log, for operators");
    }

    [Fact]
    public async Task A_body_that_does_not_bind_is_a_400_problem_naming_the_path()
    {
        var response = await Client.PostAsync(new Uri("/api/bind", UriKind.Relative), new StringContent("{\"count\": \"many\"}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem["errors"]![0]!["path"]!.GetValue<string>().ShouldBe("$.count");
        problem.ToJsonString().ShouldNotContain(nameof(Counted));
    }

    [Fact]
    public async Task A_bare_status_gets_a_problem_document()
    {
        var response = await Client.GetAsync(new Uri("/api/bare", UriKind.Relative), TestContext.Current.CancellationToken);

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Paths_outside_the_api_are_left_alone()
    {
        var response = await Client.GetAsync(new Uri("/page", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType.ShouldBeNull();
    }

    [Fact]
    public async Task A_page_request_failing_unexpectedly_gets_a_500_page_with_its_request_id_and_without_its_text()
    {
        var response = await Client.SendAsync(AsBrowser("/page/throws"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        page.ShouldContain("<h1>Something went wrong</h1>");
        page.ShouldMatch("its log has the cause under request id [^ <]+\\.");
        page.ShouldContain("Request id: <code>");
        page.ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task A_page_request_with_a_bare_status_gets_a_page()
    {
        var response = await Client.SendAsync(AsBrowser("/page"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("<h1>The hub could not take this request</h1>");
    }

    [Fact]
    public async Task An_api_request_asking_for_html_still_gets_a_problem_document()
    {
        var response = await Client.SendAsync(AsBrowser("/api/throws"), TestContext.Current.CancellationToken);

        (await ProblemAsync(response, HttpStatusCode.InternalServerError))["detail"]!.GetValue<string>().ShouldContain("request id");
    }

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(_logs);
        builder.Services.Configure<RouteHandlerOptions>(r => r.ThrowOnBadRequest = true);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.UseMiddleware<RequestProblemsMiddleware>();
        _app.MapGet("/api/throws", string () => throw new InvalidOperationException(SecretInException));
        _app.MapPost("/api/bind", (Counted body) => body.Count);
        _app.MapGet("/api/bare", () => Results.StatusCode(StatusCodes.Status415UnsupportedMediaType));
        _app.MapGet("/page", () => Results.StatusCode(StatusCodes.Status415UnsupportedMediaType));
        _app.MapGet("/page/throws", string () => throw new InvalidOperationException(SecretInException));
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

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        return problem;
    }

    /// <summary>A request as a browser's address bar sends it.</summary>
    private static HttpRequestMessage AsBrowser(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request;
    }

    /// <summary>A body with a number, to send a string in its place.</summary>
    public sealed record Counted(int Count);
}
