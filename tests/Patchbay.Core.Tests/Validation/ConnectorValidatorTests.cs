using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Tests.Support;
using Patchbay.Core.Validation;

namespace Patchbay.Core.Tests.Validation;

public sealed class ConnectorValidatorTests
{
    private static IReadOnlyList<Diagnostic> Validate(ConnectorPackage package) =>
        ConnectorValidator.Validate(package, DefinitionLocations.SourceFolder);

    private static Diagnostic Single(ConnectorPackage package, string code)
    {
        var diagnostics = Validate(package).Where(d => d.Code == code).ToList();
        diagnostics.Count.ShouldBe(1, $"expected one '{code}' in: {string.Join("; ", Validate(package))}");
        return diagnostics[0];
    }

    [Fact]
    public void Validate_Templates_AreClean()
    {
        Validate(Some.CustomConnector()).ShouldBeEmpty();
        Validate(Some.RestConnector()).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOneAtOnce()
    {
        var package = Some.CustomConnector()
            .Edit(d => d with { Version = "1.0", GlobalGuid = "nope", FolderName = "Bad Folder" })
            .WithAction(Some.CustomAction("say-hello"))
            .WithAction(Some.CustomAction("Bad Name!"));

        var codes = Validate(package).Where(d => d.IsError).Select(d => d.Code).ToList();

        codes.ShouldContain("invalid-version");
        codes.ShouldContain("invalid-guid");
        codes.ShouldContain("invalid-folder-name");
        codes.ShouldContain("duplicate-action");
        codes.ShouldContain("invalid-action-name");
    }

    [Fact]
    public void Validate_DuplicateActionDifferingInCase_IsReportedAtTheSecond()
    {
        var package = Some.CustomConnector().WithAction(Some.CustomAction("Say-Hello"));

        var diagnostic = Single(package, "duplicate-action");

        diagnostic.Location.ShouldBe(new Location("connector.json", "actions[1].name"));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("v1.0.0")]
    [InlineData("01.0.0")]
    [InlineData("")]
    public void Validate_InvalidVersion_NamesTheVersionField(string version)
    {
        var diagnostic = Single(Some.CustomConnector().Edit(d => d with { Version = version }), "invalid-version");

        diagnostic.Location.ShouldBe(new Location("connector.json", "version"));
    }

    [Fact]
    public void Validate_PreReleaseVersion_IsAccepted() =>
        Validate(Some.CustomConnector().Edit(d => d with { Version = "2.1.0-beta.1" })).ShouldBeEmpty();

    [Fact]
    public void Validate_ActionFileWithoutInvoke_NamesTheFile()
    {
        var package = Some.CustomConnector().WithAction(Some.CustomAction("list-items"), "exports.run = function () {};");

        var diagnostic = Single(package, "missing-invoke-export");

        diagnostic.Location.File.ShouldBe("actions/list-items.js");
    }

    [Fact]
    public void Validate_MissingActionFile_IsAnError() =>
        Single(Some.CustomConnector().WithAction(Some.CustomAction("list-items"), code: null), "missing-action-file")
            .Location.File.ShouldBe("actions/list-items.js");

    [Fact]
    public void Validate_ActionFileWithSyntaxError_GivesLineAndColumn()
    {
        var package = Some.CustomConnector().WithAction(Some.CustomAction("list-items"), "exports.invoke = function () {\n  return {;\n};");

        Single(package, "js-syntax-error").Location.ShouldBe(new Location("actions/list-items.js", "2:11"));
    }

    [Fact]
    public void Validate_CustomAuthWithoutAuthFile_IsAnError()
    {
        var package = Some.CustomConnector() with { Files = Some.CustomConnector().Files.Without(p => p == ConnectorPaths.Authenticator) };

        Single(package, "missing-auth-file").Location.File.ShouldBe("auth/auth.js");
    }

    [Fact]
    public void Validate_RequiredParameterWithoutName_NamesItsIndex()
    {
        var package = Some.CustomConnector().Edit(d => d with
        {
            Authentication = d.Authentication with
            {
                Parameters = [new ConnectorParameter { Name = "TOKEN", Required = true }, new ConnectorParameter { Name = "", Required = true }],
            },
        });

        var diagnostic = Single(package, "missing-parameter-name");

        diagnostic.Location.ShouldBe(new Location("connector.json", "authentication.parameters[1].name"));
        diagnostic.Message.ShouldContain("required");
    }

    [Fact]
    public void Validate_DuplicateParameter_IsAnError() =>
        Single(Some.CustomConnector().Edit(d => d with { Parameters = [new() { Name = "host" }, new() { Name = "host" }] }), "duplicate-parameter")
            .Location.Path.ShouldBe("parameters[1].name");

    [Fact]
    public void Validate_ParameterNameNotAnIdentifier_IsAWarning() =>
        Single(Some.CustomConnector().Edit(d => d with { Parameters = [new() { Name = "api-key" }] }), "parameter-name-not-identifier")
            .IsError.ShouldBeFalse();

    [Fact]
    public void Validate_UrlTemplateWithUnknownInput_NamesTheVariable()
    {
        var package = Some.RestConnector().Edit(d => d with
        {
            Actions = [d.Actions[0] with { Rest = d.Actions[0].Rest! with { Url = "/items/{{id}}/tags/{{tag}}" } }],
        });

        var diagnostic = Single(package, "unknown-url-variable");

        diagnostic.Location.ShouldBe(new Location("connector.json", "actions[0].rest.url"));
        diagnostic.Message.ShouldContain("{{tag}}");
    }

    [Fact]
    public void Validate_UrlTemplateWithConnectorParameter_IsAccepted()
    {
        var package = Some.RestConnector().Edit(d => d with
        {
            Parameters = [new ConnectorParameter { Name = "tenant", Required = true }],
            Actions = [d.Actions[0] with { Rest = d.Actions[0].Rest! with { Url = "https://{{tenant}}.example.com/items/{{id}}" } }],
        });

        Validate(package).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_UrlVariableOnAList_IsAnError()
    {
        var package = Some.RestConnector().Edit(d => d with
        {
            Actions = [d.Actions[0] with { Inputs = [DataNode.Leaf("id", DataType.String, isList: true)] }],
        });

        Single(package, "invalid-url-variable").Message.ShouldContain("a list");
    }

    [Fact]
    public void Validate_RelativeUrlWithoutBaseUri_IsAnError() =>
        Single(Some.RestConnector().Edit(d => d with { BaseUri = "" }), "relative-url-without-base-uri");

    [Fact]
    public void Validate_PostWithUnsupportedContentType_IsAWarningAsBizagiLoadsTheConnector()
    {
        var package = Some.RestConnector().Edit(d => d with
        {
            Actions = [d.Actions[0] with { Rest = d.Actions[0].Rest! with { Method = "POST", ContentType = "application/xml" } }],
        });

        var problem = Single(package, "unsupported-content-type");

        problem.Location.Path.ShouldBe("actions[0].rest.contentType");
        problem.IsError.ShouldBeFalse();
    }

    [Fact]
    public void Validate_InvalidHttpMethod_IsAnError() =>
        Single(Some.RestConnector().Edit(d => d with { Actions = [d.Actions[0] with { Rest = d.Actions[0].Rest! with { Method = "FETCH" } }] }), "invalid-http-method");

    [Fact]
    public void Validate_RestActionInCustomConnector_IsAKindMismatch()
    {
        var rest = Some.RestConnector().Definition.Actions[0] with { Name = "get-thing" };

        Single(Some.CustomConnector().WithAction(rest, code: null), "action-kind-mismatch").Location.Path.ShouldBe("actions[1].kind");
    }

    [Fact]
    public void Validate_EasyRestWithCustomAuthentication_IsAnError() =>
        Single(Some.RestConnector().Edit(d => d with { Authentication = AuthenticationSettings.CustomCode }), "auth-method-not-allowed");

    [Fact]
    public void Validate_DuplicateAndInvalidFieldNames_GivePathsIntoTheTree()
    {
        var package = Some.CustomConnector().Edit(d => d with
        {
            Actions =
            [
                d.Actions[0] with
                {
                    Inputs =
                    [
                        DataNode.Object("customer", [DataNode.Leaf("id", DataType.Integer), DataNode.Leaf("id", DataType.String), DataNode.Leaf("first name", DataType.String)]),
                    ],
                },
            ],
        });

        Single(package, "duplicate-field").Location.Path.ShouldBe("actions[0].input.customer.id");
        Single(package, "invalid-field-name").Location.Path.ShouldBe("actions[0].input.customer.first name");
    }

    [Fact]
    public void Validate_BizcLocations_NameBizagiProperties()
    {
        var package = Some.CustomConnector().Edit(d => d with
        {
            Version = "x",
            Actions = [d.Actions[0] with { Outputs = [DataNode.Object("items", [DataNode.Leaf("", DataType.String)], isList: true)] }],
        });

        var diagnostics = ConnectorValidator.Validate(package, DefinitionLocations.Bizc);

        diagnostics.Single(d => d.Code == "invalid-version").Location.ShouldBe(new Location("def/connector.json", "version"));
        diagnostics.Single(d => d.Code == "missing-field-name").Location.ShouldBe(new Location("def/connector.json", "actions[0].xsdoutput: outputs/output/items/(unnamed)"));
    }

    [Fact]
    public void Validate_ErrorCatalogProblems_AreReported()
    {
        var package = Some.CustomConnector().Edit(d => d with
        {
            Errors = [new("GIT.NOT_FOUND", "Not found: %s"), new("GIT.NOT_FOUND", "again"), new("bad code", "x"), new("GLB.EXCEPTION", "mine")],
        });

        Single(package, "duplicate-error-code").Location.Path.ShouldBe("errors[\"GIT.NOT_FOUND\"]");
        Single(package, "invalid-error-code");
        Single(package, "builtin-error-code").IsError.ShouldBeFalse();
    }

    [Fact]
    public void Validate_IconThatIsNotPng_IsAnError()
    {
        Single(Some.CustomConnector().Edit(d => d with { IconBase64 = Convert.ToBase64String("GIF89a"u8.ToArray()) }), "invalid-icon");
        Validate(Some.CustomConnector().Edit(d => d with { IconBase64 = Some.PngBase64 })).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_OrphanActionFile_IsAWarning() =>
        Single(Some.CustomConnector() with { Files = Some.CustomConnector().Files.WithText("actions/old.js", Some.ValidCode) }, "orphan-action-file")
            .IsError.ShouldBeFalse();

    [Fact]
    public void Validate_HelperModuleInActionsFolder_IsNotReported() =>
        Validate(Some.CustomConnector() with { Files = Some.CustomConnector().Files.WithText("actions/shared.js", "exports.client = function () {};") }).ShouldBeEmpty();
}
