using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Operations;

/// <summary>A SQLite hub allowing one request per second per key (a burst of two).</summary>
public sealed class RateLimitedHub : HubFixture
{
    public override string Engine => "sqlite";

    protected override Task<HubOptions> ConfigureAsync(HubOptions options) => Task.FromResult(options with { RateLimitPerSecond = 1 });
}

public sealed class RateLimitTests(RateLimitedHub hub) : HubTests(hub), IClassFixture<RateLimitedHub>
{
    private static readonly Uri Keys = new("/api/v1/keys", UriKind.Relative);

    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_retry_after_and_other_keys_do_not()
    {
        var limited = Hub.Client(await Hub.CreateKeyAsync(Roles.Operator));
        var other = Hub.Client(await Hub.CreateKeyAsync(Roles.Operator));

        var refused = await UntilRefusedAsync(limited, Keys);

        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThanOrEqualTo(1);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["status"]!.GetValue<int>().ShouldBe(429);
        (await other.GetAsync(Keys, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // its own bucket: through to authorization
    }

    [Fact]
    public async Task Callers_without_a_valid_key_are_limited_by_address()
    {
        var refused = await UntilRefusedAsync(Hub.Client("pb_00000000_guessing"), Keys);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Behind_a_proxy_on_loopback_callers_without_a_key_are_limited_by_their_forwarded_address()
    {
        var first = Hub.Client(null);
        first.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var second = Hub.Client(null);
        second.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.8");

        (await UntilRefusedAsync(first, Keys)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        (await second.GetAsync(Keys, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized); // its own bucket
    }

    [Fact]
    public async Task A_browser_over_its_limit_gets_a_429_page_with_retry_after()
    {
        var browser = Hub.Client(null);
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var refused = await UntilRefusedAsync(browser, new Uri("/signin", UriKind.Relative));

        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThanOrEqualTo(1);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await refused.Content.ReadAsStringAsync(Cancel);
        page.ShouldContain("<h1>Too many requests</h1>");
        page.ShouldMatch("Wait (a second|\\d+ seconds) and try again\\.");
    }

    [Fact]
    public async Task Health_endpoints_are_not_limited()
    {
        var anonymous = Hub.Client(null);
        for (var i = 0; i < 10; i++)
        {
            (await anonymous.GetAsync(new Uri("/health/live", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    /// <summary>Sends until refused; a bucket of two filled once a second refuses within a few quick requests.</summary>
    private static async Task<HttpResponseMessage> UntilRefusedAsync(HttpClient client, Uri uri)
    {
        for (var i = 0; i < 50; i++)
        {
            var response = await client.GetAsync(uri, Cancel);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }
        }

        throw new ShouldAssertException("50 requests in a row were never refused.");
    }
}
