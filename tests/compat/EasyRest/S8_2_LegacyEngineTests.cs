using System.Net;
using System.Net.Sockets;
using System.Text;
using Patchbay.Compat.Tests.Support;
using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Compat.Tests.EasyRest;

/// <summary>
/// bizagi-compat §8.2, the legacy Easy REST engine (routerConnector.invokeRestAction): connectors/easy-rest-legacy,
/// actions with none of Patchbay's options, against an API on 127.0.0.1. Steps 2 to 4 build the request; rows 1 to 10
/// are the response table, top to bottom.
/// </summary>
public sealed class S8_2_LegacyEngineTests(CompatRuntime fixture, RestApiServer api) : IClassFixture<CompatRuntime>, IClassFixture<RestApiServer>
{
    private const string Inputs = """{"q":"a b","n":5,"tags":["x","y"],"filter":{"status":"open"}}""";
    private const string QueryOfInputs = "?q=a%20b&n=5&tags%5B0%5D=x&tags%5B1%5D=y&filter%5Bstatus%5D=open";
    private const string JsonOfInputs = """{"q":"a b","n":5,"tags":["x","y"],"filter":{"status":"open"}}""";

    private static readonly ConnectorPackage Connector = CompatConnectors.Source("easy-rest-legacy");

    private Task<InvocationResult> RunAsync(string action, string? inputs = null, string? baseUri = null) =>
        fixture.Runtime.RunAsync(Connector.WithBaseUri(baseUri ?? api.Url), action, inputs);

    [Fact]
    public async Task S8_2_step_2_method_is_upper_cased()
    {
        api.Answer("/item", 200, """{"id":1}""");

        var result = await RunAsync("get-lowercase");

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        api.To("/item")[^1].Method.ShouldBe("GET");
    }

    /// <summary>Bizagi sets rejectUnauthorized false; Patchbay verifies certificates (documented deviation, easy-rest.md "Differences from Bizagi").</summary>
    [Fact]
    public async Task S8_2_step_2_tls_is_verified_in_Patchbay_so_an_untrusted_certificate_is_the_connection_error_row()
    {
        var (_, certificate) = TestCertificates.Create();
        await using var tls = new RestApiServer { Certificate = certificate };
        await tls.InitializeAsync();
        tls.Answer("/item", 200, """{"id":1}""");

        var result = await RunAsync("get-item", baseUri: tls.Url);

        var error = result.Envelope["response"]!["outputs"]!["error"]!;
        error["error"]!.GetValue<string>().ShouldBe("CONNECTION_ERROR");
        error["status"]!.GetValue<int>().ShouldBe(400);
        result.StatusCode().ShouldBe(400);
        result.ErrorMessage().ShouldBe(error["message"]!.GetValue<string>());
        tls.To("/item").ShouldBeEmpty();
    }

    [Fact]
    public async Task S8_2_step_3_authentication_none_sends_no_authorization_header()
    {
        api.Answer("/item", 200, """{"id":1}""");

        await RunAsync("get-item");

        api.To("/item")[^1].Header("Authorization").ShouldBeNull();
    }

    [Theory]
    [InlineData("get-item")]
    [InlineData("delete-item")]
    public async Task S8_2_step_4_GET_and_DELETE_send_every_input_in_the_query_string_and_no_body(string action)
    {
        api.Answer("/item", 200, """{"id":1}""");

        var result = await RunAsync(action, Inputs);

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        var request = api.To("/item")[^1];
        request.Method.ShouldBe(action == "get-item" ? "GET" : "DELETE");
        request.Query.ShouldBe(QueryOfInputs);
        request.Body.ShouldBeEmpty();
        request.Header("Content-Type").ShouldBeNull();
    }

    [Theory]
    [InlineData("post-json", "POST", "application/json", JsonOfInputs)]
    [InlineData("put-json", "PUT", "application/json", JsonOfInputs)]
    [InlineData("post-text", "POST", "text/plain", JsonOfInputs)]
    [InlineData("post-form", "POST", "application/x-www-form-urlencoded", "q=a%20b&n=5&tags%5B0%5D=x&tags%5B1%5D=y&filter%5Bstatus%5D=open")]
    public async Task S8_2_step_4_body_is_written_for_the_actions_content_type(string action, string method, string contentType, string body)
    {
        api.Answer("/echo", 200, """{"ok":true}""");

        var result = await RunAsync(action, Inputs);

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        var request = api.To("/echo")[^1];
        request.Method.ShouldBe(method);
        request.Query.ShouldBeEmpty();
        request.Header("Content-Type").ShouldBe(contentType);
        request.Body.ShouldBe(body);
    }

    [Fact]
    public async Task S8_2_row_1_connection_refused_is_RESOURCE_NOT_FOUND_404_with_the_message_as_errormessage()
    {
        var closed = $"http://127.0.0.1:{ClosedPort()}";

        var result = await RunAsync("get-item", Inputs, closed);

        var message = $"Resource not found: {closed}/item";
        Json.Text(result.Envelope).ShouldBe(Json.Error(Json.ErrorObject("RESOURCE_NOT_FOUND", message, 404), 404, message));
        result.Outcome.ShouldBe(InvocationOutcome.RemoteUnreachable);
    }

    [Fact]
    public async Task S8_2_row_1_host_not_found_is_RESOURCE_NOT_FOUND_404()
    {
        var result = await RunAsync("get-html", baseUri: "http://no-such-host.invalid");

        const string message = "Resource not found: http://no-such-host.invalid/html";
        Json.Text(result.Envelope).ShouldBe(Json.Error(Json.ErrorObject("RESOURCE_NOT_FOUND", message, 404), 404, message));
    }

    [Fact]
    public async Task S8_2_row_1_refused_after_a_followed_redirect_names_the_actions_url()
    {
        Redirect("/old", $"http://127.0.0.1:{ClosedPort()}/moved-away");

        var result = await RunAsync("get-old");

        var message = $"Resource not found: {api.Url}/old";
        Json.Text(result.Envelope).ShouldBe(Json.Error(Json.ErrorObject("RESOURCE_NOT_FOUND", message, 404), 404, message));
    }

    [Fact]
    public async Task S8_2_row_2_other_network_error_is_CONNECTION_ERROR_with_status_400()
    {
        api.Map("/drop", context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });

        var result = await RunAsync("get-drop");

        var error = result.Envelope["response"]!["outputs"]!["error"]!;
        var message = error["message"]!.GetValue<string>();
        message.ShouldNotBeEmpty();
        Json.Text(result.Envelope).ShouldBe(Json.Error(Json.ErrorObject("CONNECTION_ERROR", message, 400), 400, message));
    }

    [Fact]
    public async Task S8_2_row_3_2xx_json_body_is_the_output_with_the_status()
    {
        api.Answer("/item", 201, """{"id":"7","name":"Ada","extra":true}""");

        var result = await RunAsync("get-item", Inputs);

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded);
        Json.Text(result.Envelope).ShouldBe(Json.Success("""{"id":"7","name":"Ada","extra":true}""", 201));
        Json.Text(result.ShapedOutput).ShouldBe("""{"id":7,"name":"Ada"}""");
    }

    [Fact]
    public async Task S8_2_row_3_2xx_body_that_is_not_json_is_getResponses_failure()
    {
        api.Answer("/html", 200, "<html>hello</html>", "text/html");

        var result = await RunAsync("get-html");

        Json.Text(result.Envelope).ShouldBe(Json.Failure(200, "The response must be a valid JSON: [object Object]"));
        result.Outcome.ShouldBe(InvocationOutcome.ConnectorReportedFailure);
    }

    [Fact]
    public async Task S8_2_row_3_2xx_without_a_body_is_an_empty_output()
    {
        api.Map("/empty", context =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });

        var result = await RunAsync("get-empty");

        Json.Text(result.Envelope).ShouldBe(Json.Success("{}", 204));
    }

    [Fact]
    public async Task S8_2_row_4_3xx_is_RESOURCE_REDIRECT_with_its_status()
    {
        Redirect("/moved", "/elsewhere");

        var result = await RunAsync("post-moved", Inputs);

        Json.Text(result.Envelope).ShouldBe(Json.Error(Json.ErrorObject("RESOURCE_REDIRECT", "Server is requesting the client to perform a redirect, the HttpCode is: 302", 302), 302));
        api.To("/elsewhere").ShouldBeEmpty();
    }

    /// <summary>request (the legacy engine's HTTP client) follows redirects of a GET itself, so the row applies to other methods (easy-rest.md).</summary>
    [Fact]
    public async Task S8_2_row_4_3xx_on_a_GET_is_followed_as_request_does()
    {
        Redirect("/old", "/item");
        api.Answer("/item", 200, """{"id":8,"name":"Moved"}""");

        var result = await RunAsync("get-old");

        Json.Text(result.Envelope).ShouldBe(Json.Success("""{"id":8,"name":"Moved"}"""));
    }

    [Fact]
    public async Task S8_2_row_5_400_is_BAD_REQUEST()
    {
        api.Answer("/bad", 400, """{"detail":"no"}""");

        var result = await RunAsync("get-bad");

        Json.Text(result.Envelope).ShouldBe(Json.Error(Json.ErrorObject("BAD_REQUEST", "HTTP Status 400 - Bad Request. The request sent by the client was syntactically incorrect. See logs for more details", 400), 400));
        result.Outcome.ShouldBe(InvocationOutcome.RemoteHttpError);
    }

    [Fact]
    public async Task S8_2_row_6_401_is_USER_UNAUTHORIZED()
    {
        api.Answer("/secret", 401, """{"detail":"who?"}""");

        var result = await RunAsync("get-secret");

        Json.Text(result.Envelope).ShouldBe(Json.Error(Json.ErrorObject("USER_UNAUTHORIZED", "User unauthorized", 401), 401));
    }

    [Fact]
    public async Task S8_2_row_7_404_is_RESOURCE_NOT_FOUND_naming_the_url()
    {
        api.Answer("/missing", 404, """{"detail":"none"}""");

        var result = await RunAsync("get-missing", Inputs);

        Json.Text(result.Envelope).ShouldBe(Json.Error(Json.ErrorObject("RESOURCE_NOT_FOUND", $"Resource not found: {api.Url}/missing", 404), 404));
        api.To("/missing")[^1].Query.ShouldBe(QueryOfInputs);
    }

    /// <summary>The legacy engine names the URL it was given (resturl), also when request followed a redirect to the 404.</summary>
    [Fact]
    public async Task S8_2_row_7_404_after_a_followed_redirect_names_the_actions_url()
    {
        Redirect("/old", "/gone");

        var result = await RunAsync("get-old");

        Json.Text(result.Envelope).ShouldBe(Json.Error(Json.ErrorObject("RESOURCE_NOT_FOUND", $"Resource not found: {api.Url}/old", 404), 404));
        api.To("/gone").ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("get-fail", "/fail", 500)]
    [InlineData("get-unavailable", "/unavailable", 503)]
    public async Task S8_2_row_8_5xx_is_INTERNAL_SERVER_ERROR_with_its_own_status(string action, string path, int status)
    {
        api.Answer(path, status, "boom", "text/plain");

        var result = await RunAsync(action);

        Json.Text(result.Envelope).ShouldBe(Json.Error(Json.ErrorObject("INTERNAL_SERVER_ERROR", "HTTP Status 500 - Internal server error. The remote server encountered an unexpected condition which prevented it from fulfilling the request. Reviews the remote server log for details", status), status));
    }

    [Fact]
    public async Task S8_2_row_9_other_4xx_carries_the_raw_body_and_GLB_RESPONSE_ERROR()
    {
        const string body = """{"why":"I'm a teapot","path":"C:\\pot"}""";
        api.Answer("/teapot", 418, body);

        var result = await RunAsync("get-teapot");

        Json.Text(result.Envelope).ShouldBe(Json.Error(Json.ErrorObject(body, "An error was obtained by processing the request, the HttpCode is : 418, the server response was: {why:Im a teapot,path:C://pot}", 418), 418));
    }

    /// <summary>
    /// Step 4's "anything else" and row 10. As in Bizagi the connector loads (validation warns: unsupported-content-type)
    /// and only this action fails.
    /// </summary>
    [Fact]
    public async Task S8_2_row_10_exception_is_EXCEPTION_with_status_500_and_step_4_sends_nothing_for_another_content_type()
    {
        var read = CompatConnectors.SourceWithErrors("easy-rest-xml");
        read.Diagnostics.ShouldNotContain(d => d.IsError);
        read.Diagnostics.Select(d => d.Code).ShouldContain("unsupported-content-type");

        var result = await fixture.Runtime.RunAsync(read.Package!.WithBaseUri(api.Url), "post-xml", Inputs);

        Json.Text(result.Envelope).ShouldBe(Json.Error(Json.ErrorObject("EXCEPTION", "An error was obtained by processing the request, the HttpCode is : 500, the server response was: {}", 500), 500));
        api.To("/never").ShouldBeEmpty();
    }

    private void Redirect(string from, string to) => api.Map(from, context =>
    {
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = to;
        return Task.CompletedTask;
    });

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>bizagi-compat §8.2 step 3: the Authorization header from the built-in authenticators (§4.3), against real servers.</summary>
public sealed class S8_2_AuthorizationTests(CompatRuntime fixture, RestApiServer api, DigestServer digest) : IClassFixture<CompatRuntime>, IClassFixture<RestApiServer>, IClassFixture<DigestServer>
{
    private static readonly Dictionary<string, string> Ada = new() { ["username"] = "ada", ["password"] = "s3cret:pass" };

    [Fact]
    public async Task S8_2_step_3_basic_sends_the_authenticators_authorizationheader()
    {
        api.Answer("/whoami", 200, """{"me":"ada"}""");
        var connector = CompatConnectors.Source("easy-rest-basic").WithBaseUri(api.Url);

        var result = await fixture.Runtime.RunAsync(connector, "whoami", edit: r => r with { AuthenticationParameters = Ada });

        Json.Text(result.Envelope).ShouldBe(Json.Success("""{"me":"ada"}"""));
        api.To("/whoami")[^1].Header("Authorization").ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ada:s3cret:pass")));
    }

    [Fact]
    public async Task S8_2_step_3_action_without_useAuthentication_sends_no_authorization()
    {
        api.Answer("/whoami", 200, """{"me":"anyone"}""");
        var connector = CompatConnectors.Source("easy-rest-basic").WithBaseUri(api.Url);

        await fixture.Runtime.RunAsync(connector, "anonymous", edit: r => r with { AuthenticationParameters = Ada });

        api.To("/whoami")[^1].Header("Authorization").ShouldBeNull();
    }

    [Fact]
    public async Task S8_2_step_3_digest_computes_the_header_from_the_servers_challenge()
    {
        var connector = CompatConnectors.Source("easy-rest-digest").WithBaseUri(digest.Url);

        var result = await fixture.Runtime.RunAsync(connector, "page", edit: r => r with
        {
            AuthenticationParameters = new Dictionary<string, string> { ["username"] = DigestServer.User, ["password"] = DigestServer.Password },
        });

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        result.Output()!["user"]!.GetValue<string>().ShouldBe(DigestServer.User);
        digest.Accepted.ShouldNotBeEmpty();
    }
}
