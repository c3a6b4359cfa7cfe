using System.IO.Compression;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Core.Packaging.Source;
using Patchbay.Core.Tests.Support;

namespace Patchbay.Core.Tests.Packaging;

/// <summary>Patchbay's Easy REST options and parameter defaults in both file forms.</summary>
public sealed class RestOptionsFormatTests
{
    private static readonly RestRequest EveryOption = new()
    {
        Method = "POST",
        Url = "/users/{{user.id}}/orders",
        ContentType = "application/json",
        UseAuthentication = true,
        Headers = [new("X-Tenant", "{{tenant}}"), new("Accept", "application/xml")],
        Query = [new("expand", "lines"), new("since", "{{since}}")],
        SendTemplateInputs = false,
        BodyInput = "order",
        ResponseFormat = RestResponseFormat.Xml,
        ResultPath = "data.orders[0]",
        Pagination = new RestPagination
        {
            Kind = PaginationKind.Cursor,
            ItemsPath = "data.items",
            NextPath = "meta.next",
            Parameter = "cursor",
            SizeParameter = "limit",
            PageSize = 50,
            Start = 1,
            MaxPages = 20,
            MaxItems = 5000,
        },
        Retry = new RestRetry { MaxAttempts = 5, InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(90) },
        Timeout = TimeSpan.FromSeconds(12.5),
    };

    private static ConnectorPackage WithEveryOption() => Some.RestConnector().Edit(d => d with
    {
        Parameters = [new ConnectorParameter { Name = "tenant", AllowedValues = ["eu", "us"], DefaultValue = "eu" }],
        Authentication = new AuthenticationSettings
        {
            Method = AuthenticationMethod.ApiKey,
            Name = "apikey",
            Parameters =
            [
                new() { Name = "api_key", Required = true, PasswordMode = true },
                new() { Name = "api_key_name", DefaultValue = "X-Api-Key" },
                new() { Name = "api_key_in", AllowedValues = ["header", "query"], DefaultValue = "query" },
            ],
        },
        Actions =
        [
            d.Actions[0] with
            {
                Rest = EveryOption,
                Inputs =
                [
                    DataNode.Object("user", [DataNode.Leaf("id", DataType.Integer)]),
                    DataNode.Leaf("since", DataType.Date),
                    DataNode.Object("order", [DataNode.Leaf("sku", DataType.String)]),
                ],
            },
        ],
    });

    private static Task<ConnectorReadResult> ReadBizcAsync(byte[] bizc) =>
        BizcReader.ReadAsync(new MemoryStream(bizc), "c.bizc", PackageLimits.Default, TestContext.Current.CancellationToken);

    private static JsonObject BizcDefinition(byte[] bizc)
    {
        using var zip = new ZipArchive(new MemoryStream(bizc));
        using var reader = new StreamReader(zip.GetEntry(ConnectorPaths.Definition)!.Open());
        return JsonNode.Parse(reader.ReadToEnd())!.AsObject();
    }

    private static JsonObject SourceDefinition(ConnectorPackage package) =>
        JsonNode.Parse(SourceFolder.ToFiles(package)[SourceFolderLayout.Definition])!.AsObject();

    [Fact]
    public void SourceFolder_EveryOption_RoundTripsWithoutDiagnostics()
    {
        var package = WithEveryOption();

        var files = SourceFolder.ToFiles(package);
        var result = SourceFolder.Read(files);

        result.Diagnostics.ShouldBeEmpty();
        result.Package.ShouldBe(package);
        SourceFolder.ToFiles(result.Package!)[SourceFolderLayout.Definition].ShouldBe(files[SourceFolderLayout.Definition]);
    }

    [Fact]
    public async Task Bizc_EveryOption_RoundTripsToTheSameBytes()
    {
        var package = WithEveryOption();

        var written = BizcWriter.ToBytes(package);
        var result = await ReadBizcAsync(written);

        result.Diagnostics.ShouldBeEmpty();
        result.Package.ShouldBe(package);
        result.Package!.Definition.Actions[0].Extra.ShouldBeEmpty();
        BizcWriter.ToBytes(result.Package).ShouldBe(written);
    }

    [Fact]
    public void SourceFolder_EveryOption_IsWrittenAfterBizagisFieldsInOrder()
    {
        var rest = SourceDefinition(WithEveryOption())["actions"]![0]!["rest"]!.AsObject();

        rest.Select(p => p.Key).ShouldBe(
        [
            "method", "url", "contentType", "useAuthentication", "headers", "query", "sendTemplateInputs", "bodyInput",
            "responseFormat", "resultPath", "pagination", "retry", "timeoutSeconds",
        ]);
        rest["headers"]!.ToJsonString().ShouldBe("""{"X-Tenant":"{{tenant}}","Accept":"application/xml"}""");
        rest["responseFormat"]!.GetValue<string>().ShouldBe("xml");
        rest["pagination"]!.ToJsonString().ShouldBe("""{"kind":"cursor","itemsPath":"data.items","nextPath":"meta.next","parameter":"cursor","sizeParameter":"limit","pageSize":50,"start":1,"maxPages":20,"maxItems":5000}""");
        rest["retry"]!.ToJsonString().ShouldBe("""{"maxAttempts":5,"initialDelaySeconds":0.25,"maxDelaySeconds":90}""");
        rest["timeoutSeconds"]!.ToJsonString().ShouldBe("12.5");
    }

    [Fact]
    public void Bizc_EveryOption_GoesIntoOnePatchbayPropertyAndDefaultsIntoDefaultvalue()
    {
        var definition = BizcDefinition(BizcWriter.ToBytes(WithEveryOption()));
        var action = definition["actions"]![0]!.AsObject();

        action.Select(p => p.Key).ShouldBe(
        [
            "guid", "name", "displayName", "description", "actiontype", "contenttype", "resturl", "httpoperation",
            "useauthentication", "xsdinput", "xsdoutput", "patchbay",
        ]);
        action["patchbay"]!.AsObject().Select(p => p.Key).ShouldBe(RestOptionsJson.Keys);
        action["httpoperation"]!.GetValue<string>().ShouldBe("POST");
        definition["systemdefinition"]!["properties"]![0]!["defaultvalue"]!.GetValue<string>().ShouldBe("eu");
        definition["systemdefinition"]!["authentications"]![0]!["properties"]![0]!.AsObject().ContainsKey("defaultvalue").ShouldBeFalse();
    }

    [Fact]
    public void NoOptions_WriteNothingNew()
    {
        var package = Some.RestConnector();

        SourceDefinition(package)["actions"]![0]!["rest"]!.AsObject().Select(p => p.Key).ShouldBe(["method", "url", "contentType", "useAuthentication"]);
        BizcDefinition(BizcWriter.ToBytes(package))["actions"]![0]!.AsObject().ContainsKey("patchbay").ShouldBeFalse();
    }

    [Fact]
    public void EmptyRetry_MeansRetryWithDefaultsAndIsKept()
    {
        var package = Some.RestConnector().Edit(d => d with { Actions = [d.Actions[0] with { Rest = d.Actions[0].Rest! with { Retry = new RestRetry() } }] });

        SourceDefinition(package)["actions"]![0]!["rest"]!["retry"]!.ToJsonString().ShouldBe("{}");
        SourceFolder.Read(SourceFolder.ToFiles(package)).Package.ShouldBe(package);
    }

    [Fact]
    public void AnyRequestAndParameters_RoundTripThroughBothForms() =>
        Prop.ForAll(RestGenerator.Requests, RestGenerator.Parameters, (rest, parameters) =>
        {
            var definition = Some.RestConnector().Definition with
            {
                Parameters = parameters.ToValueList(),
                Authentication = new AuthenticationSettings { Method = AuthenticationMethod.Basic, Name = "basic", Parameters = parameters.Reverse().ToValueList() },
                Actions = [Some.RestConnector().Definition.Actions[0] with { Rest = rest }],
            };

            var sourceText = SourceDefinitionWriter.Write(definition).ToJsonString();
            var diagnostics = new DiagnosticList();
            var fromSource = SourceDefinitionReader.Read(JsonFields.ParseObject(sourceText, "connector.json", diagnostics)!, "", diagnostics);

            var bizcText = BizcDefinitionWriter.Write(definition).ToJsonString();
            var fromBizc = BizcDefinitionReader.Read(JsonFields.ParseObject(bizcText, "def/connector.json", diagnostics)!, diagnostics);

            return diagnostics.Count == 0
                && fromSource.Equals(definition)
                && fromBizc.Equals(definition)
                && SourceDefinitionWriter.Write(fromSource).ToJsonString() == sourceText
                && BizcDefinitionWriter.Write(fromBizc).ToJsonString() == bizcText;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public async Task Bizc_PatchbayOnACustomAction_IsKeptVerbatimAndReported()
    {
        var files = BizagiPackage.Files();
        files["def/connector.json"] = files["def/connector.json"].Replace("\"useauthentication\":false,", "\"useauthentication\":false,\"patchbay\":{\"timeoutSeconds\":5},", StringComparison.Ordinal);

        var result = await ReadBizcAsync(BizagiPackage.Build(files));

        var action = result.Package!.Definition.Actions[0];
        action.Rest.ShouldBeNull();
        action.Extra.ShouldBe([new ExtraProperty("patchbay", "{\"timeoutSeconds\":5}")]);
        var diagnostic = result.Diagnostics.Where(d => d.IsError).ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("rest-options-on-custom-action");
        diagnostic.Location.ShouldBe(new Location("def/connector.json", "actions[0].patchbay"));
        SourceFolder.Read(SourceFolder.ToFiles(result.Package)).Diagnostics.Where(d => d.IsError).ShouldHaveSingleItem().Location.ShouldBe(new Location("connector.json", "actions[0].bizc.patchbay"));
    }

    [Fact]
    public void SourceFolder_WrongTypes_AreReportedAtTheirPaths()
    {
        var errors = ReadSourceRest("""
            "headers": { "Accept": 1 },
            "query": [],
            "responseFormat": "html",
            "pagination": { "kind": "pages", "pageSize": 2.5 },
            "retry": { "maxAttempts": "3", "initialDelaySeconds": "1" },
            "timeoutSeconds": 1e12
            """).Where(d => d.IsError).Select(d => $"{d.Code} {d.Location.Path}").ToList();

        errors.ShouldBe(
        [
            "wrong-json-type actions[0].rest.headers[\"Accept\"]",
            "wrong-json-type actions[0].rest.query",
            "unknown-response-format actions[0].rest.responseFormat",
            "unknown-pagination-kind actions[0].rest.pagination.kind",
            "wrong-json-type actions[0].rest.pagination.pageSize",
            "wrong-json-type actions[0].rest.retry.maxAttempts",
            "wrong-json-type actions[0].rest.retry.initialDelaySeconds",
            "number-out-of-range actions[0].rest.timeoutSeconds",
        ], ignoreOrder: true);
    }

    [Fact]
    public void SourceFolder_UnknownOption_IsAWarningNamingIt()
    {
        var diagnostic = ReadSourceRest("\"header\": { \"Accept\": \"text/csv\" }").ShouldHaveSingleItem();

        diagnostic.IsError.ShouldBeFalse();
        diagnostic.Code.ShouldBe("unknown-property");
        diagnostic.Location.Path.ShouldBe("actions[0].rest.header");
    }

    [Fact]
    public void SourceFolder_PaginationWithoutKind_IsAnError() =>
        ReadSourceRest("\"pagination\": { \"itemsPath\": \"items\" }").ShouldContain(d => d.Code == "missing-property" && d.Location.Path == "actions[0].rest.pagination.kind");

    [Theory]
    [InlineData("0.1", 1_000_000L)]
    [InlineData("0.0000001", 1L)]
    [InlineData("3600", 36_000_000_000L)]
    [InlineData("2.50", 25_000_000L)]
    public void SourceFolder_TimeoutSeconds_AreReadToTheTick(string seconds, long ticks)
    {
        var files = SourceFilesWithRest($"\"timeoutSeconds\": {seconds}");

        SourceFolder.Read(files).Package!.Definition.Actions[0].Rest!.Timeout.ShouldBe(TimeSpan.FromTicks(ticks));
    }

    private static Dictionary<string, byte[]> SourceFilesWithRest(string options)
    {
        var files = new Dictionary<string, byte[]>(SourceFolder.ToFiles(Some.RestConnector()));
        var json = FileSet.DecodeText(files[SourceFolderLayout.Definition])
            .Replace("\"useAuthentication\": true", "\"useAuthentication\": true, " + options, StringComparison.Ordinal);
        files[SourceFolderLayout.Definition] = FileSet.EncodeText(json);
        return files;
    }

    private static IReadOnlyList<Diagnostic> ReadSourceRest(string options) => SourceFolder.Read(SourceFilesWithRest(options)).Diagnostics;
}
