using Patchbay.Core.Authoring;

namespace Patchbay.Core.Tests.Authoring;

public sealed class NamingTests
{
    [Theory]
    [InlineData("My Connector", "my-connector")]
    [InlineData("MyConnector", "my-connector")]
    [InlineData("createIssue", "create-issue")]
    [InlineData("HTTPClient", "http-client")]
    [InlineData("  SAP -- ERP  ", "sap-erp")]
    [InlineData("v2 API", "v2-api")]
    public void ToKebabCase_Text_GivesEditorStyleName(string text, string expected) =>
        Naming.ToKebabCase(text).ShouldBe(expected);

    [Fact]
    public void ToDisplayName_KebabName_GivesTitleWords() =>
        Naming.ToDisplayName("create-issue").ShouldBe("Create Issue");
}
