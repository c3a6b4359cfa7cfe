using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Rest;

/// <summary>Patchbay's optional request and response options: headers, query, sendTemplateInputs, bodyInput, resultPath, XML.</summary>
public sealed class OptionsTests(RuntimeFixture fixture, RestApiServer server) : IClassFixture<RuntimeFixture>, IClassFixture<RestApiServer>
{
    private static readonly ValueList<DataNode> Inputs =
    [
        DataNode.Leaf("id", DataType.String),
        DataNode.Leaf("lang", DataType.String),
        DataNode.Object("item", [DataNode.Leaf("name", DataType.String), DataNode.Leaf("qty", DataType.Integer)]),
    ];

    private Task<InvocationResult> RunAsync(RestRequest rest, string inputs = "{}", ValueList<DataNode>? outputs = null) =>
        fixture.Runtime.RunAsync(
            new RestConnector(server.Url).Parameters(new ConnectorParameter { Name = "apiKey", PasswordMode = true }).Action("act", rest, Inputs, outputs).Build(),
            "act",
            inputs,
            r => r with { ConnectorParameters = new Dictionary<string, string> { ["apiKey"] = "k-123" } });

    [Fact]
    public async Task HeadersAndQuery_AreTemplatesFilledFromInputsAndParameters()
    {
        server.Answer("/hq", 200, "{}");
        var rest = RestConnector.Get("/hq") with
        {
            Headers = [new RestParameter("X-Api-Key", "{{apiKey}}"), new RestParameter("Accept-Language", "{{lang}}-CH")],
            Query = [new RestParameter("version", "2"), new RestParameter("for", "{{id}}")],
        };

        var result = await RunAsync(rest, """{"id":"7","lang":"de"}""");

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        var received = server.To("/hq").Single();
        received.Header("X-Api-Key").ShouldBe("k-123");
        received.Header("Accept-Language").ShouldBe("de-CH");
        received.Query.ShouldBe("?id=7&lang=de&version=2&for=7");
    }

    [Fact]
    public async Task HeadersAndQuery_OfOptionalInputsNotGiven_AreLeftOut()
    {
        server.Answer("/optional", 200, "{}");
        var rest = RestConnector.Get("/optional") with
        {
            SendTemplateInputs = false,
            Headers = [new RestParameter("X-Trace", "{{lang}}")],
            Query = [new RestParameter("q", "{{id}}"), new RestParameter("lat", "{{item.name}}"), new RestParameter("units", "metric")],
        };

        var result = await RunAsync(rest, """{"id":"Bern"}""");

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        var received = server.To("/optional").Single();
        received.Query.ShouldBe("?q=Bern&units=metric");
        received.Header("X-Trace").ShouldBeNull();
    }

    [Fact]
    public async Task SendTemplateInputsFalse_KeepsTemplateInputsOutOfTheQueryAndBody()
    {
        server.Answer("/items/7", 200, "{}");
        var get = RestConnector.Get("/items/{{id}}") with { SendTemplateInputs = false, Headers = [new RestParameter("Accept-Language", "{{lang}}")] };
        var post = RestConnector.Post("/items/{{id}}") with { SendTemplateInputs = false, Query = [new RestParameter("name", "{{item.name}}")] };

        await RunAsync(get, """{"id":"7","lang":"de","item":{"name":"pen"}}""");
        await RunAsync(post, """{"id":"7","lang":"de","item":{"name":"pen","qty":2}}""");

        var (first, second) = (server.To("/items/7")[0], server.To("/items/7")[1]);
        first.Query.ShouldBe("?item%5Bname%5D=pen");
        second.Query.ShouldBe("?name=pen");
        second.Body.ShouldBe("""{"lang":"de","item":{"qty":2}}""");
    }

    [Fact]
    public async Task BodyInput_SendsThatInputAlone()
    {
        server.Answer("/body", 200, "{}");

        await RunAsync(RestConnector.Post("/body") with { BodyInput = "item" }, """{"id":"7","item":{"name":"pen","qty":2}}""");

        server.To("/body").Single().Body.ShouldBe("""{"name":"pen","qty":2}""");
    }

    [Fact]
    public async Task BodyInput_NotGiven_SendsNoBody()
    {
        server.Answer("/no-body", 200, "{}");

        await RunAsync(RestConnector.Post("/no-body") with { BodyInput = "item" }, """{"id":"7"}""");

        var received = server.To("/no-body").Single();
        received.Body.ShouldBeEmpty();
        received.Header("Content-Length").ShouldBe("0");
    }

    [Fact]
    public async Task ResultPath_SelectsThePartOfTheBodyThatIsTheOutput()
    {
        server.Answer("/wrapped", 200, """{"data":{"items":[{"id":1},{"id":2}]},"meta":{}}""");

        var list = await RunAsync(RestConnector.Get("/wrapped") with { ResultPath = "data.items" });
        var one = await RunAsync(RestConnector.Get("/wrapped") with { ResultPath = "$.data.items[1].id" });

        list.Output()!.ToJsonString().ShouldBe("""[{"id":1},{"id":2}]""");
        one.Output()!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task ResultPath_Missing_FailsNamingThePath()
    {
        server.Answer("/unwrapped", 200, """{"data":{}}""");

        var result = await RunAsync(RestConnector.Get("/unwrapped") with { ResultPath = "data.items" });

        result.Outcome.ShouldBe(InvocationOutcome.ConnectorReportedFailure);
        result.FailureMessage.ShouldBe("The response has no 'data.items' (the action's resultPath).");
        result.StatusCode().ShouldBe(-200);
    }

    [Fact]
    public async Task XmlResponse_IsConvertedAndTypedByTheOutputTree()
    {
        server.Answer("/xml", 200, """
            <?xml version="1.0"?>
            <order xmlns="urn:x" id="42">
              <status>open</status>
              <line sku="a"><qty>2</qty></line>
              <line sku="b"><qty>5</qty></line>
              <note/>
              <price currency="EUR">12.50</price>
            </order>
            """, "application/xml");
        ValueList<DataNode> outputs =
        [
            DataNode.Leaf("id", DataType.Integer),
            DataNode.Leaf("status", DataType.String),
            DataNode.Object("line", [DataNode.Leaf("sku", DataType.String), DataNode.Leaf("qty", DataType.Integer)], isList: true),
        ];

        var result = await RunAsync(RestConnector.Get("/xml") with { ResponseFormat = RestResponseFormat.Xml }, outputs: outputs);

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        result.Output()!.ToJsonString().ShouldBe("""{"id":"42","status":"open","line":[{"sku":"a","qty":"2"},{"sku":"b","qty":"5"}],"note":"","price":{"currency":"EUR","#text":"12.50"}}""");
        result.ShapedOutput!.ToJsonString().ShouldBe("""{"id":42,"status":"open","line":[{"sku":"a","qty":2},{"sku":"b","qty":5}]}""");
    }

    [Fact]
    public async Task AutoFormat_ReadsJsonOrXmlByContentType()
    {
        server.Answer("/auto-xml", 200, "<r><a>1</a></r>", "text/xml; charset=utf-8");
        server.Answer("/auto-json", 200, """{"a":"1"}""");

        var xml = await RunAsync(RestConnector.Get("/auto-xml") with { ResponseFormat = RestResponseFormat.Auto });
        var json = await RunAsync(RestConnector.Get("/auto-json") with { ResponseFormat = RestResponseFormat.Auto });

        xml.Output()!.ToJsonString().ShouldBe("""{"a":"1"}""");
        json.Output()!.ToJsonString().ShouldBe("""{"a":"1"}""");
    }

    [Fact]
    public async Task XmlFormat_WithADoctype_IsRefused()
    {
        server.Answer("/xxe", 200, """<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>""", "application/xml");

        var result = await RunAsync(RestConnector.Get("/xxe") with { ResponseFormat = RestResponseFormat.Xml });

        result.Outcome.ShouldBe(InvocationOutcome.ConnectorReportedFailure);
        result.ErrorMessage().ShouldStartWith("The response must be a valid XML:");
    }
}
