using Microsoft.OpenApi;

namespace Patchbay.OpenApi.Tests.Mapping;

public sealed class NamesAndVersionsTests
{
    [Theory]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData("1.0.0-beta.1", "1.0.0-beta.1")]
    [InlineData("1.0", "1.0.0")]
    [InlineData("2", "2.0.0")]
    [InlineData("v3.1", "3.1.0")]
    [InlineData("2022-11-28", "2022.11.28")]
    [InlineData("1.02.003", "1.2.3")]
    [InlineData("1.2.3.4", "1.2.3")]
    [InlineData("", "1.0.0")]
    [InlineData("latest", "0.0.0")]
    public void Version_IsCoercedToSemVer(string given, string expected)
    {
        var report = new ImportReport();

        InfoMapper.Version(new OpenApiInfo { Version = given }, report).ShouldBe(expected);

        if (given == expected)
        {
            report.Items.ShouldBeEmpty();
        }
        else
        {
            report.Items.ShouldHaveSingleItem().Location.ShouldBe("#/info/version");
        }
    }

    [Theory]
    [InlineData("petId", "petId")]
    [InlineData("X-Rate-Limit", "X-Rate-Limit")]
    [InlineData("page[size]", "page_size")]
    [InlineData("$top", "top")]
    [InlineData("+1", "plus_1")]
    [InlineData("-1", "minus_1")]
    [InlineData("2fa", "_2fa")]
    [InlineData("display.name", "display_name")]
    [InlineData("expand[]", "expand")]
    [InlineData("[]", "field")]
    public void FieldName_IsMadeValid(string given, string expected)
    {
        FieldNames.Sanitize(given).ShouldBe(expected);
        FieldNames.IsValid(expected).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Stripe API", "Stripe API")]
    [InlineData("Swagger Petstore - OpenAPI 3.0", "Swagger Petstore - OpenAPI 3.0")]
    [InlineData("Acme (Beta) API!", "Acme Beta API")]
    [InlineData("42 Things", "API 42 Things")]
    [InlineData("", "Imported API")]
    public void ConnectorName_IsMadeValid(string given, string expected) =>
        InfoMapper.Name(null, new OpenApiInfo { Title = given }, new ImportReport()).ShouldBe(expected);

    [Fact]
    public void JsonPointer_EscapesSlashAndTilde() =>
        JsonPointer.Append("#/paths", "/a~b/{id}").ShouldBe("#/paths/~1a~0b~1{id}");
}
