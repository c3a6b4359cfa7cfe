using Microsoft.AspNetCore.Http;
using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Rest;

/// <summary>GET follows redirects as the request library does: up to 10, credentials dropped when the host name changes.</summary>
public sealed class RedirectTests(RuntimeFixture fixture, RestApiServer server) : IClassFixture<RuntimeFixture>, IClassFixture<RestApiServer>
{
    private static readonly Dictionary<string, string> Credentials = new() { ["username"] = "ada", ["password"] = "s3cret" };

    private void Redirect(string from, string to) => server.Map(from, context =>
    {
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = to;
        return Task.CompletedTask;
    });

    private Task<InvocationResult> RunAsync(string path, string baseUri) =>
        fixture.Runtime.RunAsync(
            new RestConnector(baseUri).Basic().Action("get", RestConnector.Get(path) with { UseAuthentication = true }).Build(),
            "get",
            edit: r => r with { AuthenticationParameters = Credentials });

    [Fact]
    public async Task Get_FollowsRedirectsOnTheSameHostWithCredentials()
    {
        Redirect("/r1", "/r2");
        Redirect("/r2", server.Url + "/final");
        server.Answer("/final", 200, """{"done":true}""");

        var result = await RunAsync("/r1", server.Url);

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        result.Output()!["done"]!.GetValue<bool>().ShouldBeTrue();
        result.HttpCalls.Select(c => c.Status).ShouldBe([302, 302, 200]);
        var final = server.To("/final").ShouldHaveSingleItem();
        final.Header("Authorization").ShouldStartWith("Basic ");
        final.Header("Referer").ShouldBe(server.Url + "/r2");
    }

    [Fact]
    public async Task Get_ToAnotherHostName_DropsTheAuthorizationHeader()
    {
        var otherHost = server.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        Redirect("/away", otherHost + "/landed");
        server.Answer("/landed", 200, "{}");

        var result = await RunAsync("/away", server.Url);

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        server.To("/away").Single().Header("Authorization").ShouldNotBeNull();
        server.To("/landed").Single().Header("Authorization").ShouldBeNull();
    }

    [Fact]
    public async Task Get_MoreThanTenRedirects_IsAConnectionError()
    {
        server.Map("/loop", context =>
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = "/loop";
            return Task.CompletedTask;
        });

        var result = await RunAsync("/loop", server.Url);

        result.StatusCode().ShouldBe(400);
        result.ErrorMessage().ShouldBe($"Exceeded maxRedirects. Probably stuck in a redirect loop {server.Url}/loop");
        result.HttpCalls.Count.ShouldBe(11);
    }

    [Fact]
    public async Task Get_RedirectWithoutLocation_IsTheRedirectRow()
    {
        server.Map("/nowhere", context =>
        {
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            return Task.CompletedTask;
        });

        var result = await RunAsync("/nowhere", server.Url);

        result.StatusCode().ShouldBe(303);
        result.Envelope["response"]!["outputs"]!["error"]!["error"]!.GetValue<string>().ShouldBe("RESOURCE_REDIRECT");
    }

    [Fact]
    public async Task Delete_IsNotRedirected()
    {
        Redirect("/gone", "/elsewhere");
        var connector = new RestConnector(server.Url).Action("delete", new RestRequest { Method = "DELETE", Url = "/gone" }).Build();

        var result = await fixture.Runtime.RunAsync(connector, "delete");

        result.StatusCode().ShouldBe(302);
        server.To("/elsewhere").ShouldBeEmpty();
    }
}
