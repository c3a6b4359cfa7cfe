using Patchbay.Core.Model;
using Patchbay.OpenApi.Tests.Support;

namespace Patchbay.OpenApi.Tests.Import;

/// <summary>Bump.sh's Train Travel API, OpenAPI 3.1, YAML.</summary>
public sealed class TrainTravelTests
{
    private readonly OpenApiImportResult _result = Specs.Import(Specs.TrainTravel);

    [Fact]
    public void OAuth2AuthorizationCode_ParametersHaveTheFlowsValues()
    {
        var authentication = _result.Definition().Authentication;

        _result.SpecificationVersion.ShouldBe("OpenAPI 3.1");
        authentication.Method.ShouldBe(AuthenticationMethod.OAuth2);
        authentication.Grant.ShouldBe(OAuth2Grant.AuthorizationCode);
        authentication.Parameters.Select(p => (p.Name, p.DefaultValue, p.PasswordMode)).ShouldBe(
        [
            ("token_url", "https://example.com/oauth/token", false),
            ("authorize_url", "https://example.com/oauth/authorize", false),
            ("scope", "read write", false),
            ("client_id", "", false),
            ("client_secret", "", true),
        ]);
    }

    [Fact]
    public void FirstServerIsTheBaseUri()
    {
        _result.Definition().BaseUri.ShouldBe("https://try.microcks.io/rest/Train+Travel+API/1.0.0");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/servers/1", "https://api.example.com");
    }

    [Fact]
    public void GetStations_AllOfWrapperIsMerged()
    {
        var action = _result.Action("get-stations");

        action.Rest!.Query.Select(q => q.Name).ShouldBe(["page", "limit", "coordinates", "search", "country"]);
        action.Outputs.Names().ShouldBe("data, links");
        action.Outputs[0].IsList.ShouldBeTrue();
        action.Outputs[0].Children.Names().ShouldBe("id, name, address, country_code, timezone");
        action.Outputs[1].Children.Names().ShouldBe("self, next, prev");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/components/schemas/Wrapper-Collection/properties/data/items", "without properties");
    }

    [Fact]
    public void GetTrips_DateTimeQueryIsADateInput()
    {
        var inputs = _result.Action("get-trips").Inputs;

        inputs.Single(i => i.Name == "date").ShouldBe(DataNode.Leaf("date", DataType.Date, isRequired: true));
        inputs.Single(i => i.Name == "bicycles").Type.ShouldBe(DataType.Boolean);
    }

    [Fact]
    public void PathItemParameter_AppliesToItsOperations()
    {
        _result.Rest("get-booking").Url.ShouldBe("/bookings/{{bookingId}}");
        _result.Action("delete-booking").Inputs.ShouldBe([DataNode.Leaf("bookingId", DataType.String, isRequired: true)]);
    }

    [Fact]
    public void PaymentSource_OneOfIsTheUnionOfItsObjects()
    {
        var source = _result.Action("create-booking-payment").Inputs.Single(i => i.Name == "source");

        source.Children.Names().ShouldBe("object, name, number, cvc, exp_month, exp_year, address_line1, address_country, address_post_code, sort_code, account_type, bank_name, country");
        source.Children.ShouldAllBe(c => !c.IsRequired);
        _result.ShouldReport(ImportItemKind.Approximate, "#/components/schemas/BookingPayment/properties/source/oneOf", "union of their fields");
    }

    [Fact]
    public void Webhooks_AreReported()
    {
        _result.ShouldReport(ImportItemKind.Unmapped, "#/webhooks/newBooking", "Webhooks");
        _result.Definition().Actions.ShouldNotContain(a => a.Name == "new-booking");
    }
}
