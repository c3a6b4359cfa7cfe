using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Rest;

/// <summary>What the API receives: Bizagi's URL, query string (the qs library's encoding) and bodies (bizagi-compat §8.2).</summary>
public sealed class RequestBuildingTests(RuntimeFixture fixture, RestApiServer server) : IClassFixture<RuntimeFixture>, IClassFixture<RestApiServer>
{
    private static readonly ValueList<DataNode> Order =
    [
        DataNode.Leaf("id", DataType.String),
        DataNode.Leaf("note", DataType.String),
        DataNode.Leaf("qty", DataType.Integer),
        DataNode.Leaf("paid", DataType.Boolean),
        DataNode.Object("customer", [DataNode.Leaf("name", DataType.String), DataNode.Leaf("city", DataType.String)]),
        DataNode.Leaf("tags", DataType.String, isList: true),
        DataNode.Object("lines", [DataNode.Leaf("sku", DataType.String)], isList: true),
    ];

    private const string OrderInput = """{"id":"A/1","note":"a b&c=d [x] é ~*'","qty":3,"paid":true,"customer":{"name":"Ada","city":null},"tags":["x","y"],"lines":[{"sku":"k1"},{"sku":"k2"}]}""";

    private async Task<RecordedRequest> SendAsync(string path, RestRequest rest, string inputs = OrderInput, Func<InvocationRequest, InvocationRequest>? edit = null, RestConnector? connector = null)
    {
        server.Answer(path, 200, "{}");
        var built = (connector ?? new RestConnector(server.Url)).Action("send", rest, Order).Build();
        var result = await fixture.Runtime.RunAsync(built, "send", inputs, edit);
        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        return server.To(path).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task GetAndDelete_SendEveryInputAsQsEncodesIt(string method)
    {
        var path = "/qs-" + method;

        var received = await SendAsync(path, new RestRequest { Method = method, Url = path });

        received.Method.ShouldBe(method);
        received.Query.ShouldBe("?id=A%2F1&note=a%20b%26c%3Dd%20%5Bx%5D%20%C3%A9%20~%2A%27&qty=3&paid=true&customer%5Bname%5D=Ada&customer%5Bcity%5D=&tags%5B0%5D=x&tags%5B1%5D=y&lines%5B0%5D%5Bsku%5D=k1&lines%5B1%5D%5Bsku%5D=k2");
        received.Body.ShouldBeEmpty();
        received.Header("Content-Type").ShouldBeNull();
    }

    [Fact]
    public async Task Get_MergesInputsIntoTheUrlsOwnQuery()
    {
        var received = await SendAsync("/merge", RestConnector.Get("/merge?fixed=1+2&id=old"), """{"id":"new","qty":5}""");

        received.Query.ShouldBe("?fixed=1%202&id=new&qty=5");
    }

    [Fact]
    public async Task Get_WithoutInputsKeepsTheUrl()
    {
        var received = await SendAsync("/plain", RestConnector.Get("/plain"), "{}");

        received.Query.ShouldBeEmpty();
    }

    [Fact]
    public async Task Placeholders_AreFilledFromInputsThenConnectorParametersUrlEncoded()
    {
        server.Answer("/api/acme co/eu west/orders/A%2F1", 200, "{}"); // Kestrel decodes all but %2F
        var built = new RestConnector(server.Url + "/api/")
            .Parameters(new ConnectorParameter { Name = "tenant" }, new ConnectorParameter { Name = "region", DefaultValue = "eu west" })
            .Action("send", RestConnector.Get("{{tenant}}/{{region}}/orders/{{id}}"), Order).Build();
        var result = await fixture.Runtime.RunAsync(built, "send", """{"id":"A/1"}""", r => r with { ConnectorParameters = new Dictionary<string, string> { ["tenant"] = "acme co" } });

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        result.HttpCalls.Single().Url.ShouldBe(server.Url + "/api/acme%20co/eu%20west/orders/A%2F1?id=A%2F1");
    }

    [Fact]
    public async Task PostJson_SendsTheInputsAsJsonWithTheExactContentType()
    {
        var received = await SendAsync("/json", RestConnector.Post("/json"));

        received.Header("Content-Type").ShouldBe("application/json");
        received.Header("Accept").ShouldBe("application/json");
        received.Body.ShouldBe("""{"id":"A/1","note":"a b&c=d [x] é ~*'","qty":3,"paid":true,"customer":{"name":"Ada","city":null},"tags":["x","y"],"lines":[{"sku":"k1"},{"sku":"k2"}]}""");
        received.Query.ShouldBeEmpty();
    }

    [Fact]
    public async Task PutText_SendsJsonStringifyAsPlainText()
    {
        var received = await SendAsync("/text", new RestRequest { Method = "PUT", Url = "/text", ContentType = "text/plain" }, """{"note":"<tag> \"q\"\n"}""");

        received.Method.ShouldBe("PUT");
        received.Header("Content-Type").ShouldBe("text/plain");
        received.Body.ShouldBe("""{"note":"<tag> \"q\"\n"}""");
    }

    [Fact]
    public async Task PatchForm_SendsQsEncodedFields()
    {
        var received = await SendAsync("/form", new RestRequest { Method = "PATCH", Url = "/form", ContentType = "application/x-www-form-urlencoded" }, """{"note":"a b","customer":{"name":"Ada"},"tags":["x"]}""");

        received.Method.ShouldBe("PATCH");
        received.Header("Content-Type").ShouldBe("application/x-www-form-urlencoded");
        received.Body.ShouldBe("note=a%20b&customer%5Bname%5D=Ada&tags%5B0%5D=x");
    }

    [Fact]
    public async Task UseAuthentication_SendsTheSessionsAuthorizationHeader()
    {
        var connector = new RestConnector(server.Url).Basic();
        var rest = RestConnector.Get("/authed") with { UseAuthentication = true };

        var received = await SendAsync("/authed", rest, "{}", r => r with { AuthenticationParameters = new Dictionary<string, string> { ["username"] = "ada", ["password"] = "s3cret" } }, connector);

        received.Header("Authorization").ShouldBe("Basic " + Convert.ToBase64String("ada:s3cret"u8.ToArray()));
    }

    [Fact]
    public async Task WithoutUseAuthentication_NoAuthorizationIsSent()
    {
        var connector = new RestConnector(server.Url).Basic();

        var received = await SendAsync("/anonymous", RestConnector.Get("/anonymous"), "{}", r => r with { AuthenticationParameters = new Dictionary<string, string> { ["username"] = "ada", ["password"] = "s3cret" } }, connector);

        received.Header("Authorization").ShouldBeNull();
    }
}
