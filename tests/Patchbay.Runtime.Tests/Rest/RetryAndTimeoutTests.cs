using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Rest;

/// <summary>
/// Retries (Polly) and timeouts on a fake clock: the runtime and the API server share a FakeTimeProvider that the
/// test moves forward while an invocation runs, so a 30-second Retry-After costs milliseconds.
/// </summary>
public sealed class RetryAndTimeoutTests(RuntimeFixture fixture, RestApiServer server) : IClassFixture<RuntimeFixture>, IClassFixture<RestApiServer>, IAsyncLifetime
{
    private static readonly RestRetry Retry = new() { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(30) };
    private readonly FakeTimeProvider _clock = new();
    private ConnectorRuntime _runtime = null!; // set in InitializeAsync

    public async ValueTask InitializeAsync()
    {
        server.Clock = _clock;
        _runtime = await ConnectorRuntime.CreateAsync(fixture.Options, _clock, NullLoggerFactory.Instance, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _runtime.DisposeAsync();

    /// <summary>Runs the action while moving the fake clock 100 ms every few real milliseconds.</summary>
    private async Task<InvocationResult> RunAsync(RestRequest rest, string baseUri = "", TimeSpan? timeout = null, bool log = false)
    {
        var connector = new RestConnector(baseUri.Length > 0 ? baseUri : server.Url).Action("act", rest).Build();
        var request = new InvocationRequest { Connector = connector, Action = "act", Timeout = timeout ?? TimeSpan.FromMinutes(10), EnableLog = log };
        var run = _runtime.InvokeAsync(request, TestContext.Current.CancellationToken);
        while (!run.IsCompleted)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        return await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    /// <summary>Answers <paramref name="failures"/> times with <paramref name="status"/> (and Retry-After), then 200.</summary>
    private void FailThenSucceed(string path, int failures, int status, Func<string>? retryAfter = null)
    {
        var calls = 0;
        server.Map(path, async context =>
        {
            if (Interlocked.Increment(ref calls) <= failures)
            {
                context.Response.StatusCode = status;
                if (retryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = retryAfter();
                }

                return;
            }

            await context.Response.WriteAsync("""{"ok":true}""");
        });
    }

    private TimeSpan Gap(string path, int first = 0) => server.To(path)[first + 1].At - server.To(path)[first].At;

    [Fact]
    public async Task RetryAfterInSeconds_IsWaitedThenTheRequestSucceeds()
    {
        FailThenSucceed("/busy", 1, 503, () => "3");

        var result = await RunAsync(RestConnector.Get("/busy") with { Retry = Retry });

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        result.HttpCalls.Select(c => c.Status).ShouldBe([503, 200]);
        Gap("/busy").ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3));
        var (first, retry) = (result.HttpCalls[0], result.HttpCalls[1]);
        retry.StartMilliseconds!.Value.ShouldBeGreaterThanOrEqualTo(first.StartMilliseconds!.Value + first.DurationMilliseconds + 3000);
        result.Logs.ShouldBeEmpty();
    }

    [Fact]
    public async Task WithEnableLog_EachRetryIsLogged()
    {
        FailThenSucceed("/busy-logged", 1, 503, () => "3");

        var result = await RunAsync(RestConnector.Get("/busy-logged") with { Retry = Retry }, log: true);

        result.Logs.ShouldContain(l => l.Level == "WARN" && l.Text == "Attempt 1 of 3 failed (HTTP 503); retrying in 3000 ms.");
    }

    [Fact]
    public async Task RetryAfterAsAnHttpDate_IsWaited()
    {
        FailThenSucceed("/limited", 1, 429, () => (_clock.GetUtcNow() + TimeSpan.FromSeconds(5)).ToString("r", CultureInfo.InvariantCulture));

        var result = await RunAsync(RestConnector.Get("/limited") with { Retry = Retry });

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        Gap("/limited").ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4)); // the date has whole seconds
    }

    [Fact]
    public async Task RetryAfterLongerThanMaxDelay_EndsTheRetries()
    {
        FailThenSucceed("/later", 1, 503, () => "120");

        var result = await RunAsync(RestConnector.Get("/later") with { Retry = Retry });

        result.StatusCode().ShouldBe(503);
        server.To("/later").Count.ShouldBe(1);
    }

    [Fact]
    public async Task WithoutRetryAfter_BacksOffUntilTheAttemptsAreUsed()
    {
        FailThenSucceed("/down", 5, 504);

        var result = await RunAsync(RestConnector.Get("/down") with { Retry = Retry });

        result.StatusCode().ShouldBe(504);
        result.HttpCalls.Select(c => c.Status).ShouldBe([504, 504, 504]);
        Gap("/down").ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(502, 1)]
    [InlineData(504, 1)]
    [InlineData(503, 2)]
    [InlineData(429, 2)]
    public async Task Post_IsRetriedOnlyWhenTheServerSurelyDidNotProcessIt(int status, int expectedCalls)
    {
        var path = $"/post-{status}";
        FailThenSucceed(path, 1, status);

        await RunAsync(RestConnector.Post(path) with { Retry = Retry });

        server.To(path).Count.ShouldBe(expectedCalls);
    }

    [Fact]
    public async Task ConnectionRefused_IsRetriedEvenForPost()
    {
        var result = await RunAsync(RestConnector.Post("/x") with { Retry = Retry }, $"http://127.0.0.1:{ClosedPort()}");

        result.StatusCode().ShouldBe(404);
        result.HttpCalls.Count.ShouldBe(3);
        result.HttpCalls.ShouldAllBe(c => c.Status == 0);
    }

    [Fact]
    public async Task ActionTimeout_EndsAHangingRequestWithTheTimeoutOutcome()
    {
        server.Map("/hang", context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        var connector = new RestConnector(server.Url).Action("act", RestConnector.Get("/hang") with { Timeout = TimeSpan.FromSeconds(2) }).Build();

        var run = _runtime.InvokeAsync(new InvocationRequest { Connector = connector, Action = "act" }, TestContext.Current.CancellationToken);
        while (!run.IsCompleted)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        var result = await run;
        result.Outcome.ShouldBe(InvocationOutcome.Timeout);
        result.StatusCode().ShouldBe(-408);
        result.FailureMessage.ShouldBe("The action 'act' did not answer within 2 s.");
        result.HttpCalls.ShouldHaveSingleItem().Status.ShouldBe(0);
    }

    [Fact]
    public async Task TheDeadline_CoversRetryWaits()
    {
        FailThenSucceed("/slow-retry", 1, 503, () => "20");

        var result = await RunAsync(RestConnector.Get("/slow-retry") with { Retry = Retry }, timeout: TimeSpan.FromSeconds(5));

        result.Outcome.ShouldBe(InvocationOutcome.Timeout);
        server.To("/slow-retry").Count.ShouldBe(1);
        result.HttpCalls.ShouldHaveSingleItem().Status.ShouldBe(503);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
