using Patchbay.Core.Model;
using Patchbay.OpenApi.Tests.Support;

namespace Patchbay.OpenApi.Tests.Import;

/// <summary>Swagger Petstore, Swagger 2.0, YAML.</summary>
public sealed class Petstore2Tests
{
    private readonly OpenApiImportResult _result = Specs.Import(Specs.Petstore2);

    [Fact]
    public void BaseUri_IsSchemeHostAndBasePath_TheOtherSchemeIsReported()
    {
        _result.SpecificationVersion.ShouldBe("Swagger 2.0");
        _result.Definition().BaseUri.ShouldBe("https://petstore.swagger.io/v2");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/schemes/1", "http://petstore.swagger.io/v2");
    }

    [Fact]
    public void SecurityDefinitions_MapToTheApiKey()
    {
        var authentication = _result.Definition().Authentication;

        authentication.Method.ShouldBe(AuthenticationMethod.ApiKey);
        authentication.Parameters.Single(p => p.Name == "api_key_name").DefaultValue.ShouldBe("api_key");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/securityDefinitions/petstore_auth/flows/implicit", "implicit flow");
    }

    [Fact]
    public void BodyParameter_PropertiesBecomeInputs()
    {
        var action = _result.Action("add-pet");

        action.Rest!.ContentType.ShouldBe("application/json");
        action.Inputs.Names().ShouldBe("id, category, name, photoUrls, tags, status");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1pet/post/consumes", "application/xml");
    }

    [Fact]
    public void FormDataParameters_AreAFormBody()
    {
        var action = _result.Action("update-pet-with-form");

        action.Rest!.ContentType.ShouldBe("application/x-www-form-urlencoded");
        action.Rest.Url.ShouldBe("/pet/{{petId}}");
        action.Inputs.Names().ShouldBe("petId, name, status");
    }

    [Fact]
    public void ArrayQueryParameter_IsOneStringInput_AndReported()
    {
        _result.Action("find-pets-by-status").Inputs.ShouldBe([DataNode.Leaf("status", DataType.String, isRequired: true)]);
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1pet~1findByStatus/get/parameters/0/schema", "holds a list");
    }

    [Fact]
    public void MultipartUpload_IsReported()
    {
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1pet~1{petId}~1uploadImage/post/consumes", "multipart/form-data");
        _result.Action("upload-file").Outputs.Names().ShouldBe("code, type, message");
    }

    [Fact]
    public void ResponseSchema_IsMappedWithoutProduces()
    {
        _result.Action("get-pet-by-id").Outputs.Names().ShouldBe("id, category, name, photoUrls, tags, status");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1store~1inventory/get/responses/200/schema", "A map");
    }
}
