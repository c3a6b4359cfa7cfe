using System.Net;
using System.Net.Sockets;
using System.Text.Encodings.Web;
using System.Text.Json;
using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Rest;

/// <summary>Every row of Bizagi's response table (bizagi-compat §8.2), with the exact envelope getResponse makes.</summary>
public sealed class BizagiTableTests(RuntimeFixture fixture, RestApiServer server) : IClassFixture<RuntimeFixture>, IClassFixture<RestApiServer>
{
    private Task<InvocationResult> RunAsync(string path, RestRequest? rest = null, string? inputs = null, string baseUri = "")
    {
        var connector = new RestConnector(baseUri.Length > 0 ? baseUri : server.Url)
            .Action("call", rest ?? RestConnector.Get(path), RestConnector.Strings("q"))
            .Build();
        return fixture.Runtime.RunAsync(connector, "call", inputs);
    }

    private static readonly JsonSerializerOptions AsWritten = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Envelope(InvocationResult result) => result.Envelope.ToJsonString(AsWritten);

    [Fact]
    public async Task Json2xx_IsTheOutput()
    {
        server.Answer("/ok", 201, """{"id":7,"name":"Ada","tags":["a"]}""");

        var result = await RunAsync("/ok");

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded);
        Envelope(result).ShouldBe("""{"response":{"outputs":{"output":{"id":7,"name":"Ada","tags":["a"]},"error":{}}},"success":true,"connectorstatuscode":201,"errormessage":"","autotestingenabled":false}""");
    }

    [Fact]
    public async Task JsonArray2xx_StaysAnArray()
    {
        server.Answer("/list", 200, """[{"id":1},{"id":2}]""");

        var result = await RunAsync("/list");

        result.Output()!.ToJsonString().ShouldBe("""[{"id":1},{"id":2}]""");
    }

    [Fact]
    public async Task NonJson2xx_FailsWithGetResponsesMessage()
    {
        server.Answer("/html", 200, "<html>hello</html>", "text/html");

        var result = await RunAsync("/html");

        result.Outcome.ShouldBe(InvocationOutcome.ConnectorReportedFailure);
        Envelope(result).ShouldBe("""{"response":{"outputs":{"output":{},"error":{}}},"success":false,"connectorstatuscode":200,"errormessage":"The response must be a valid JSON: [object Object]","autotestingenabled":false}""");
        result.FailureMessage!.ShouldContain("not JSON (text/html)");
    }

    [Fact]
    public async Task Empty204_IsAnEmptyOutputAndSucceeds()
    {
        server.Map("/nothing", context =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });

        var result = await RunAsync("/nothing");

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded);
        Envelope(result).ShouldBe("""{"response":{"outputs":{"output":{},"error":{}}},"success":true,"connectorstatuscode":204,"errormessage":"","autotestingenabled":false}""");
    }

    [Fact]
    public async Task RedirectOnPost_IsTheRedirectRow()
    {
        server.Map("/moved", context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "/elsewhere";
            return Task.CompletedTask;
        });

        var result = await RunAsync("/moved", RestConnector.Post("/moved"), """{"q":"x"}""");

        result.Outcome.ShouldBe(InvocationOutcome.RemoteHttpError);
        Envelope(result).ShouldBe("""{"response":{"outputs":{"output":{},"error":{"error":"RESOURCE_REDIRECT","message":"Server is requesting the client to perform a redirect, the HttpCode is: 302","status":302}}},"success":false,"connectorstatuscode":302,"errormessage":"{\"error\":\"RESOURCE_REDIRECT\",\"message\":\"Server is requesting the client to perform a redirect, the HttpCode is: 302\",\"status\":302}","autotestingenabled":false}""");
        server.To("/elsewhere").ShouldBeEmpty();
    }

    [Fact]
    public async Task BadRequest400_IsTheBadRequestRow()
    {
        server.Answer("/bad", 400, """{"detail":"no"}""");

        var result = await RunAsync("/bad");

        result.Outcome.ShouldBe(InvocationOutcome.RemoteHttpError);
        result.IsTransient.ShouldBeFalse();

        Envelope(result).ShouldBe("""{"response":{"outputs":{"output":{},"error":{"error":"BAD_REQUEST","message":"HTTP Status 400 - Bad Request. The request sent by the client was syntactically incorrect. See logs for more details","status":400}}},"success":false,"connectorstatuscode":400,"errormessage":"{\"error\":\"BAD_REQUEST\",\"message\":\"HTTP Status 400 - Bad Request. The request sent by the client was syntactically incorrect. See logs for more details\",\"status\":400}","autotestingenabled":false}""");
    }

    [Fact]
    public async Task Unauthorized401_IsTheUserUnauthorizedRow()
    {
        server.Answer("/secret", 401, """{"detail":"who?"}""");

        var result = await RunAsync("/secret");

        Envelope(result).ShouldBe("""{"response":{"outputs":{"output":{},"error":{"error":"USER_UNAUTHORIZED","message":"User unauthorized","status":401}}},"success":false,"connectorstatuscode":401,"errormessage":"{\"error\":\"USER_UNAUTHORIZED\",\"message\":\"User unauthorized\",\"status\":401}","autotestingenabled":false}""");
    }

    [Fact]
    public async Task NotFound404_NamesTheUrlWithoutItsQuery()
    {
        var result = await RunAsync("/missing", inputs: """{"q":"x"}""");

        Envelope(result).ShouldBe($$$$"""{"response":{"outputs":{"output":{},"error":{"error":"RESOURCE_NOT_FOUND","message":"Resource not found: {{{{server.Url}}}}/missing","status":404}}},"success":false,"connectorstatuscode":404,"errormessage":"{\"error\":\"RESOURCE_NOT_FOUND\",\"message\":\"Resource not found: {{{{server.Url}}}}/missing\",\"status\":404}","autotestingenabled":false}""");
        server.To("/missing").Single().Query.ShouldBe("?q=x");
    }

    [Fact]
    public async Task Other4xx_CarriesTheRawBodyAndStripsQuotesInTheMessage()
    {
        server.Answer("/teapot", 418, """{"why":"I'm a teapot","path":"C:\\pot"}""");

        var result = await RunAsync("/teapot");

        var error = result.Envelope["response"]!["outputs"]!["error"]!;
        error["error"]!.GetValue<string>().ShouldBe("""{"why":"I'm a teapot","path":"C:\\pot"}""");
        error["message"]!.GetValue<string>().ShouldBe("An error was obtained by processing the request, the HttpCode is : 418, the server response was: {why:Im a teapot,path:C://pot}");
        error["status"]!.GetValue<int>().ShouldBe(418);
        result.StatusCode().ShouldBe(418);
        result.ErrorMessage().ShouldBe(error.ToJsonString(AsWritten));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ServerError5xx_IsTheInternalServerErrorRowWithItsStatus(int status)
    {
        server.Answer($"/fail{status}", status, "boom", "text/plain");

        var result = await RunAsync($"/fail{status}");

        result.Outcome.ShouldBe(InvocationOutcome.RemoteHttpError);
        result.IsTransient.ShouldBeTrue();

        Envelope(result).ShouldBe($$$$"""{"response":{"outputs":{"output":{},"error":{"error":"INTERNAL_SERVER_ERROR","message":"HTTP Status 500 - Internal server error. The remote server encountered an unexpected condition which prevented it from fulfilling the request. Reviews the remote server log for details","status":{{{{status}}}}}}},"success":false,"connectorstatuscode":{{{{status}}}},"errormessage":"{\"error\":\"INTERNAL_SERVER_ERROR\",\"message\":\"HTTP Status 500 - Internal server error. The remote server encountered an unexpected condition which prevented it from fulfilling the request. Reviews the remote server log for details\",\"status\":{{{{status}}}}}","autotestingenabled":false}""");
    }

    [Fact]
    public async Task ConnectionRefused_IsResourceNotFoundWithTheMessageAsErrormessage()
    {
        var closed = ClosedPort();

        var result = await RunAsync("/x", baseUri: $"http://127.0.0.1:{closed}");

        result.Outcome.ShouldBe(InvocationOutcome.RemoteUnreachable);
        result.IsTransient.ShouldBeTrue();
        Envelope(result).ShouldBe($$$$"""{"response":{"outputs":{"output":{},"error":{"error":"RESOURCE_NOT_FOUND","message":"Resource not found: http://127.0.0.1:{{{{closed}}}}/x","status":404}}},"success":false,"connectorstatuscode":404,"errormessage":"Resource not found: http://127.0.0.1:{{{{closed}}}}/x","autotestingenabled":false}""");
        result.HttpCalls.Single().Status.ShouldBe(0);
    }

    [Fact]
    public async Task UnresolvableHost_IsResourceNotFound()
    {
        var result = await RunAsync("/x", baseUri: "http://no-such-host.invalid");

        result.StatusCode().ShouldBe(404);
        result.ErrorMessage().ShouldBe("Resource not found: http://no-such-host.invalid/x");
        result.Envelope["response"]!["outputs"]!["error"]!["error"]!.GetValue<string>().ShouldBe("RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task ConnectionDroppedMidway_IsTheConnectionErrorRowWithStatus400()
    {
        server.Map("/drop", context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });

        var result = await RunAsync("/drop");

        var error = result.Envelope["response"]!["outputs"]!["error"]!;
        error["error"]!.GetValue<string>().ShouldBe("CONNECTION_ERROR");
        error["status"]!.GetValue<int>().ShouldBe(400);
        result.StatusCode().ShouldBe(400);
        result.ErrorMessage().ShouldBe(error["message"]!.GetValue<string>());
        result.ErrorMessage().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task UnsupportedContentType_IsTheExceptionRow()
    {
        var result = await RunAsync("/never", RestConnector.Post("/never", "application/xml"));

        Envelope(result).ShouldBe("""{"response":{"outputs":{"output":{},"error":{"error":"EXCEPTION","message":"An error was obtained by processing the request, the HttpCode is : 500, the server response was: {}","status":500}}},"success":false,"connectorstatuscode":500,"errormessage":"{\"error\":\"EXCEPTION\",\"message\":\"An error was obtained by processing the request, the HttpCode is : 500, the server response was: {}\",\"status\":500}","autotestingenabled":false}""");
        result.FailureMessage.ShouldBe("application/xml Content-Type unsupported. Action 'call' (POST) needs application/json, text/plain or application/x-www-form-urlencoded.");
        server.To("/never").ShouldBeEmpty();
    }

    [Fact]
    public async Task OutputTree_ShapesTheBodyLikeACustomActionsOutput()
    {
        server.Answer("/typed", 200, """{"id":"42","name":"Ada","extra":true}""");
        var connector = new RestConnector(server.Url)
            .Action("typed", RestConnector.Get("/typed"), outputs: [DataNode.Leaf("id", DataType.Integer), DataNode.Leaf("name", DataType.String)])
            .Build();

        var result = await fixture.Runtime.RunAsync(connector, "typed");

        result.ShapedOutput!.ToJsonString().ShouldBe("""{"id":42,"name":"Ada"}""");
        result.Output()!["extra"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task EveryCall_IsTraced()
    {
        server.Answer("/traced", 200, """{"a":1}""");

        var result = await RunAsync("/traced", inputs: """{"q":"1"}""");

        var call = result.HttpCalls.ShouldHaveSingleItem();
        call.Method.ShouldBe("GET");
        call.Url.ShouldBe(server.Url + "/traced?q=1");
        call.Status.ShouldBe(200);
        call.ResponseBytes.ShouldBe(7);
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
