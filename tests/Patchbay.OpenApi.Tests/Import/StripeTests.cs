using Patchbay.Core.Model;
using Patchbay.OpenApi.Tests.Support;

namespace Patchbay.OpenApi.Tests.Import;

/// <summary>Stripe: form-encoded bodies, basic authentication with the secret key as user name.</summary>
public sealed class StripeTests
{
    private readonly OpenApiImportResult _result = Specs.Import(Specs.Stripe);

    [Fact]
    public void Basic_IsTheFirstGlobalScheme_BearerIsReported()
    {
        var authentication = _result.Definition().Authentication;

        authentication.Method.ShouldBe(AuthenticationMethod.Basic);
        authentication.Parameters.Select(p => (p.Name, p.PasswordMode)).ShouldBe([("username", false), ("password", true)]);
        _result.ShouldReport(ImportItemKind.Unmapped, "#/components/securitySchemes/bearerAuth", "'basicAuth' is used");
    }

    [Fact]
    public void DateVersion_IsCoercedAndReported()
    {
        _result.Definition().Version.ShouldBe("2024.6.20");
        _result.ShouldReport(ImportItemKind.Approximate, "#/info/version", "'2024-06-20'");
    }

    [Fact]
    public void PostCustomers_FormBodyFieldsBecomeInputs()
    {
        var action = _result.Action("post-customers");

        action.DisplayName.ShouldBe("Create a customer");
        action.Rest!.ContentType.ShouldBe("application/x-www-form-urlencoded");
        action.Rest.Url.ShouldBe("/v1/customers");
        action.Inputs.Names().ShouldBe("address, balance, description, email, expand, metadata, name, phone");
        action.Inputs.Single(i => i.Name == "address").Children.Names().ShouldBe("city, country, line1, line2, postal_code, state");
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1v1~1customers/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/metadata/anyOf", "alternatives of different kinds");
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1v1~1customers/post/requestBody/content/application~1x-www-form-urlencoded/schema", "Form fields holding objects or lists");
    }

    [Fact]
    public void GetCustomers_ListObjectAndQuery()
    {
        var action = _result.Action("get-customers");

        action.Rest!.Query.Select(q => q.Name).ShouldBe(["email", "ending_before", "expand", "limit", "starting_after"]);
        action.Outputs.Names().ShouldBe("data, has_more, object, url");
        action.Outputs[0].Children.Single(c => c.Name == "address").Children.Names().ShouldBe("city, country, line1, line2, postal_code, state");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1v1~1customers/get/requestBody", "sends the inputs of a GET in the query string");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/components/schemas/customer/properties/metadata", "A map");
    }

    [Fact]
    public void DeleteCustomer_PathParameter()
    {
        var action = _result.Action("delete-customers-customer");

        action.Rest!.Method.ShouldBe("DELETE");
        action.Rest.Url.ShouldBe("/v1/customers/{{customer}}");
        action.Outputs.Names().ShouldBe("deleted, id, object");
    }
}
