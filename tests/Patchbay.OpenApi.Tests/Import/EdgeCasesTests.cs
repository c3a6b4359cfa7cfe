using Patchbay.Core.Model;
using Patchbay.OpenApi.Tests.Support;

namespace Patchbay.OpenApi.Tests.Import;

/// <summary>The constructs the importer approximates or leaves out, each asserted at its pointer.</summary>
public sealed class EdgeCasesTests
{
    private readonly OpenApiImportResult _result = Specs.Import(Specs.EdgeCases);

    [Fact]
    public void Info_NameAndVersionAreCoerced()
    {
        _result.Definition().Name.ShouldBe("Edge Cases Inventory API");
        _result.Definition().Version.ShouldBe("2.0.0");
        _result.ShouldReport(ImportItemKind.Approximate, "#/info/title", "'Edge Cases (Inventory) API!'");
        _result.ShouldReport(ImportItemKind.Approximate, "#/info/version", "'v2 beta'");
    }

    [Fact]
    public void ServerVariables_TakeTheirDefaults() =>
        _result.Definition().BaseUri.ShouldBe("https://acme.example.com/api/v2");

    [Fact]
    public void OperationServer_MakesTheUrlAbsolute_ARelativeOneIsReported()
    {
        _result.Rest("get-folder").Url.ShouldBe("https://eu.files.example.com/folders/{{folderId}}");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1folders~1{folderId}/get/servers/1", "Only the first server of the operation");
        _result.Rest("put-files-file-id-content").Url.ShouldBe("/files/{{fileId}}/content");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1files~1{fileId}~1content/put/servers/0/url", "'/v0' is relative");
    }

    [Fact]
    public void Security_DigestIsUsed_UnsupportedSchemesAreReported()
    {
        _result.Definition().Authentication.Method.ShouldBe(AuthenticationMethod.Digest);
        _result.ShouldReport(ImportItemKind.Unmapped, "#/components/securitySchemes/sso", "OpenID Connect");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/components/securitySchemes/mtls", "Mutual TLS");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/components/securitySchemes/hoba/scheme", "'hoba'");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/components/securitySchemes/cookieKey/in", "cookie");
    }

    [Fact]
    public void Parameters_CookieRenamedAndListAreReported()
    {
        var action = _result.Action("get-folder");

        action.Inputs.ShouldBe([
            DataNode.Leaf("folderId", DataType.Integer, isRequired: true),
            DataNode.Leaf("page_size", DataType.Integer),
            DataNode.Leaf("tags", DataType.String),
        ]);
        action.Rest!.Query.ShouldBe([new RestParameter("page[size]", "{{page_size}}"), new RestParameter("tags", "{{tags}}")]);
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1folders~1{folderId}/get/parameters/1", "cookie parameter 'session'");
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1folders~1{folderId}/get/parameters/2", "named 'page_size'");
    }

    [Fact]
    public void Recursion_IsCutAndReported_TypeArraysAndFormatsMap()
    {
        var outputs = _result.Action("get-folder").Outputs;

        outputs.ShouldBe([
            DataNode.Leaf("id", DataType.Integer),
            DataNode.Leaf("name", DataType.String),
            DataNode.Leaf("size", DataType.Decimal),
            DataNode.Leaf("ratio", DataType.Double),
            DataNode.Leaf("created", DataType.Date),
            DataNode.Object("labels", [DataNode.Leaf("primary", DataType.String)]),
        ]);
        _result.ShouldReport(ImportItemKind.Approximate, "#/components/schemas/Folder/properties/children/items", "refers to itself");
    }

    [Fact]
    public void DuplicateOperationId_GetsASuffix_AndABodyFieldClashPrefixesTheParameter()
    {
        var action = _result.Action("get-folder-2");

        action.Rest!.Url.ShouldBe("/folders/{{path_folderId}}");
        action.Inputs.Names().ShouldBe("path_folderId, name, display_name, color, owner, folderId, matrix");
        action.Inputs.Single(i => i.Name == "folderId").ShouldBe(DataNode.Leaf("folderId", DataType.String, isRequired: true));
        action.Inputs.Single(i => i.Name == "matrix").ShouldBe(DataNode.Leaf("matrix", DataType.Double, isList: true));
        action.Inputs.Single(i => i.Name == "owner").Children.Names().ShouldBe("id, email, members");
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1folders~1{folderId}/put/operationId", "named 'get-folder-2'");
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1folders~1{folderId}/put/parameters/0", "named 'path_folderId'");
    }

    [Fact]
    public void SchemaFeatures_AreReportedAtTheComponent()
    {
        _result.ShouldReport(ImportItemKind.Approximate, "#/components/schemas/FolderFields/properties/color/oneOf", "first one that can be mapped");
        _result.ShouldReport(ImportItemKind.Approximate, "#/components/schemas/FolderFields/properties/owner/anyOf", "union of their fields");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/components/schemas/FolderFields/properties/settings", "A map");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/components/schemas/FolderFields/properties/thumbnail", "Binary");
        _result.ShouldReport(ImportItemKind.Approximate, "#/components/schemas/FolderFields/properties/display.name", "named 'display_name'");
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1folders~1{folderId}/put/requestBody/content/application~1json/schema/allOf/1/properties/matrix", "array of arrays");
    }

    [Fact]
    public void UnsupportedOperations_AreLeftOutAndReported()
    {
        _result.Definition().Actions.Select(a => a.Name).ShouldBe(["get-folder", "get-folder-2", "put-files-file-id-content", "add-tags"]);
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1folders~1{folderId}/head", "HEAD");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1files~1{fileId}~1content/post/requestBody/content/multipart~1form-data", "multipart/form-data");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1files~1{fileId}~1content/post", "left out");
    }

    [Fact]
    public void TextBody_AndXmlOnlyResponse()
    {
        var action = _result.Action("put-files-file-id-content");

        action.DisplayName.ShouldBe("Replace the text of a file");
        action.Rest!.ContentType.ShouldBe("text/plain");
        action.Rest.BodyInput.ShouldBe("body");
        action.Rest.ResponseFormat.ShouldBe(RestResponseFormat.Xml);
        action.Inputs.ShouldBe([DataNode.Leaf("fileId", DataType.String, isRequired: true), DataNode.Leaf("body", DataType.String, isRequired: true)]);
        action.Outputs.Names().ShouldBe("id, length");
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1files~1{fileId}~1content/put", "'{fileId}' is not declared");
    }

    [Fact]
    public void ArrayOfStringsBody_AndOperationWithoutSecurity()
    {
        var action = _result.Action("add-tags");

        action.Rest!.UseAuthentication.ShouldBeFalse();
        action.Rest.BodyInput.ShouldBe("body");
        action.Inputs.Single(i => i.Name == "body").ShouldBe(DataNode.Leaf("body", DataType.String, isList: true, isRequired: true));
        action.Outputs.ShouldBeEmpty();
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1files~1{fileId}~1tags/post/responses/200/content/application~1json/schema", "list of String values");
    }
}
