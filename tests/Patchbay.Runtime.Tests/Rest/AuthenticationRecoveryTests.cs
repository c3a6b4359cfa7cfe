using Microsoft.AspNetCore.Http;
using Patchbay.Runtime.Authentication;
using Patchbay.Runtime.Http;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Rest;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Rest;

/// <summary>
/// A 401 lets the session renew its credentials once and the request is sent again once. The runtime's built-in
/// sessions come from AuthenticationService; this test drives the engine with its own session to see the contract.
/// </summary>
public sealed class AuthenticationRecoveryTests(RestApiServer server) : IClassFixture<RestApiServer>
{
    /// <summary>A token that goes stale: the first Apply sends "old", RecoverAsync switches to "new".</summary>
    private sealed class RotatingSession(bool canRecover) : AuthenticationSession(new Dictionary<string, string>())
    {
        public string Token { get; private set; } = "old";

        public int Recoveries { get; private set; }

        public override void Apply(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Token);

        public override Task<bool> RecoverAsync(HttpResponseMessage unauthorized, CancellationToken cancellationToken)
        {
            Recoveries++;
            Token = "new";
            return Task.FromResult(canRecover);
        }
    }

    private async Task<InvocationResult> RunAsync(string path, AuthenticationSession session)
    {
        var connector = new RestConnector(server.Url).Action("get", RestConnector.Get(path) with { UseAuthentication = true }).Build();
        var request = new InvocationRequest { Connector = connector, Action = "get" };
        var call = new InvocationCall(request, [], TimeProvider.System.GetTimestamp(), TimeProvider.System);
        using var http = OutboundHttp.Create(new RuntimeOptions());
        var engine = new RestEngine(http, TimeProvider.System);
        return await engine.InvokeAsync(call, connector.Definition.Actions[0], [], session, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A401_RenewsTheCredentialsOnceAndSendsAgain()
    {
        server.Map("/me", async context =>
        {
            var fresh = context.Request.Headers.Authorization == "Bearer new";
            context.Response.StatusCode = fresh ? 200 : 401;
            await context.Response.WriteAsync(fresh ? """{"me":"ada"}""" : "{}");
        });
        var session = new RotatingSession(canRecover: true);

        var result = await RunAsync("/me", session);

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        session.Recoveries.ShouldBe(1);
        server.To("/me").Select(r => r.Header("Authorization")).ShouldBe(["Bearer old", "Bearer new"]);
    }

    [Fact]
    public async Task A401AgainAfterRenewal_IsTheUserUnauthorizedRow()
    {
        server.Answer("/never", 401, "{}");
        var session = new RotatingSession(canRecover: true);

        var result = await RunAsync("/never", session);

        result.StatusCode().ShouldBe(401);
        session.Recoveries.ShouldBe(1);
        server.To("/never").Count.ShouldBe(2);
    }

    [Fact]
    public async Task A401TheSessionCannotRecoverFrom_IsNotSentAgain()
    {
        server.Answer("/locked", 401, "{}");

        var result = await RunAsync("/locked", new RotatingSession(canRecover: false));

        result.StatusCode().ShouldBe(401);
        server.To("/locked").Count.ShouldBe(1);
    }

}
