using Patchbay.Core.Model;
using Patchbay.OpenApi.Tests.Support;

namespace Patchbay.OpenApi.Tests.Import;

/// <summary>Swagger Petstore, OpenAPI 3.0, JSON.</summary>
public sealed class Petstore3Tests
{
    private readonly OpenApiImportResult _result = Specs.Import(Specs.Petstore3);

    [Fact]
    public void Connector_ComesFromInfo()
    {
        var definition = _result.Definition();

        definition.Name.ShouldBe("Swagger Petstore - OpenAPI 3.0");
        definition.FolderName.ShouldBe("swagger-petstore-open-api-3-0");
        definition.Version.ShouldBe("1.0.27");
        definition.Website.ShouldBe("https://swagger.io/");
        definition.Description.ShouldStartWith("This is a sample Pet Store Server");
        definition.BaseUri.ShouldBe(Specs.PetstoreBaseUri);
        _result.SpecificationVersion.ShouldBe("OpenAPI 3.0");
    }

    [Fact]
    public void RelativeServer_WithoutBaseUri_IsReportedAndTheValidatorSaysWhy()
    {
        var result = Specs.Import(Specs.Petstore3, new OpenApiImportOptions());

        result.Definition().BaseUri.ShouldBe("");
        result.ShouldReport(ImportItemKind.Unmapped, "#/servers/0/url", "'/api/v3' is relative");
        result.ShouldReport(ImportItemKind.Unmapped, "#/servers/0/url", "--base-uri");
        result.Validate().ShouldContain(d => d.Code == "relative-url-without-base-uri");
    }

    [Fact]
    public void RelativeServer_OfADocumentReadFromAUrl_IsResolvedAgainstIt()
    {
        var result = Specs.Import(Specs.Petstore3, new OpenApiImportOptions { DocumentLocation = new Uri("https://petstore3.swagger.io/openapi.json") });

        result.Definition().BaseUri.ShouldBe("https://petstore3.swagger.io/api/v3");
        result.ShouldReport(ImportItemKind.Approximate, "#/servers/0/url", "resolved against the document's address");
    }

    [Fact]
    public void Security_ImplicitOAuthIsReported_AndTheApiKeyIsUsed()
    {
        var authentication = _result.Definition().Authentication;

        authentication.Method.ShouldBe(AuthenticationMethod.ApiKey);
        authentication.Parameters.Select(p => (p.Name, p.DefaultValue, p.PasswordMode)).ShouldBe(
            [("api_key", "", true), ("api_key_name", "api_key", false), ("api_key_in", "header", false)]);
        _result.ShouldReport(ImportItemKind.Unmapped, "#/components/securitySchemes/petstore_auth/flows/implicit", "implicit flow is not supported");
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1pet/post/security", "asks for petstore_auth");
    }

    [Fact]
    public void GetPetById_PathParameterBecomesAPlaceholder_AndPetIsTheOutput()
    {
        var action = _result.Action("get-pet-by-id");

        action.DisplayName.ShouldBe("Find pet by ID.");
        action.Description.ShouldBe("Returns a single pet.");
        action.Rest!.Method.ShouldBe("GET");
        action.Rest.Url.ShouldBe("/pet/{{petId}}");
        action.Rest.UseAuthentication.ShouldBeTrue();
        action.Rest.Headers.ShouldBe([new RestParameter("Accept", "application/json")]);
        action.Inputs.ShouldBe([DataNode.Leaf("petId", DataType.Integer, isRequired: true)]);
        action.Outputs.Names().ShouldBe("id, name, category, photoUrls, tags, status");
        action.Outputs.Single(o => o.Name == "tags").ShouldBe(DataNode.Object("tags", [DataNode.Leaf("id", DataType.Integer), DataNode.Leaf("name", DataType.String)], isList: true));
        action.Outputs.Single(o => o.Name == "photoUrls").ShouldBe(DataNode.Leaf("photoUrls", DataType.String, isList: true));
    }

    [Fact]
    public void AddPet_JsonBodyPropertiesBecomeInputs_OtherMediaTypesAreReported()
    {
        var action = _result.Action("add-pet");

        action.Rest!.ContentType.ShouldBe("application/json");
        action.Rest.BodyInput.ShouldBe("");
        action.Inputs.Names().ShouldBe("id, name, category, photoUrls, tags, status");
        action.Inputs.Where(i => i.IsRequired).Names().ShouldBe("name, photoUrls");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1pet/post/requestBody/content/application~1xml", "the action sends application/json");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1pet/post/requestBody/content/application~1x-www-form-urlencoded", "the action sends application/json");
    }

    [Fact]
    public void FindByStatus_QueryParameterIsATemplate()
    {
        var rest = _result.Rest("find-pets-by-status");

        rest.Query.ShouldBe([new RestParameter("status", "{{status}}")]);
        rest.SendTemplateInputs.ShouldBeFalse();
        _result.Action("find-pets-by-status").Outputs.Names().ShouldBe("id, name, category, photoUrls, tags, status");
    }

    [Fact]
    public void DeletePet_ApiKeyHeaderParameterIsLeftToTheAuthentication()
    {
        var action = _result.Action("delete-pet");

        action.Inputs.Names().ShouldBe("petId");
        action.Rest!.Headers.ShouldBeEmpty();
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1pet~1{petId}/delete/parameters/0", "'api_key' is the API key");
    }

    [Fact]
    public void CreateUsersWithList_ArrayBodyIsOneBodyInput()
    {
        var action = _result.Action("create-users-with-list-input");

        action.Rest!.BodyInput.ShouldBe("body");
        var body = action.Inputs.ShouldHaveSingleItem();
        body.Name.ShouldBe("body");
        body.IsList.ShouldBeTrue();
        body.Children.Names().ShouldBe("id, username, firstName, lastName, email, password, phone, userStatus");
        action.Rest.UseAuthentication.ShouldBeFalse();
    }

    [Fact]
    public void UnmappableParts_AreReportedAtTheirPointers()
    {
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1pet~1{petId}~1uploadImage/post/requestBody/content/application~1octet-stream", "cannot be sent by Easy REST");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1store~1inventory/get/responses/200/content/application~1json/schema", "A map");
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1user~1login/get/responses/200/content/application~1json/schema", "single String value");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1user~1login/get/responses/200/headers/X-Rate-Limit", "cannot be an output");
        _result.Action("get-inventory").Outputs.ShouldBeEmpty();
    }
}
