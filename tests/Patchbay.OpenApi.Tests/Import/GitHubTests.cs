using Patchbay.Core.Model;
using Patchbay.OpenApi.Tests.Support;

namespace Patchbay.OpenApi.Tests.Import;

/// <summary>GitHub: bearer token, path parameters by reference, Link-header pagination, public endpoints.</summary>
public sealed class GitHubTests
{
    private readonly OpenApiImportResult _result = Specs.Import(Specs.GitHub);

    [Fact]
    public void Bearer_WithATokenParameter()
    {
        var authentication = _result.Definition().Authentication;

        authentication.Method.ShouldBe(AuthenticationMethod.Bearer);
        authentication.Parameters.ShouldBe([new ConnectorParameter { Name = "token", Required = true, PasswordMode = true }]);
    }

    [Fact]
    public void SlashedOperationIds_BecomeKebabNames()
    {
        _result.Definition().Actions.Select(a => a.Name).ShouldBe(
            ["meta-root", "meta-get-zen", "users-get-authenticated", "issues-list-for-repo", "issues-create", "issues-get", "issues-update"]);
    }

    [Fact]
    public void ListForRepo_PathParametersAndLinkPagination()
    {
        var action = _result.Action("issues-list-for-repo");

        action.Rest!.Url.ShouldBe("/repos/{{owner}}/{{repo}}/issues");
        action.Rest.Query.Select(q => q.Name).ShouldBe(["milestone", "state", "labels", "since", "per_page", "page"]);
        action.Rest.Pagination.ShouldBe(new RestPagination { Kind = PaginationKind.NextLink });
        action.Inputs.Where(i => i.IsRequired).Names().ShouldBe("owner, repo");
        action.Outputs.Single(o => o.Name == "user").Children.Names().ShouldBe("login, id, avatar_url, html_url, type, site_admin");
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1repos~1{owner}~1{repo}~1issues/get/responses/200/headers/Link", "rel=\"next\"");
    }

    [Fact]
    public void Create_OneOfTitleIsAString_AndLabelsAList()
    {
        var inputs = _result.Action("issues-create").Inputs;

        inputs.Single(i => i.Name == "title").ShouldBe(DataNode.Leaf("title", DataType.String, isRequired: true));
        inputs.Single(i => i.Name == "labels").ShouldBe(DataNode.Leaf("labels", DataType.String, isList: true));
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1repos~1{owner}~1{repo}~1issues/post/requestBody/content/application~1json/schema/properties/labels/items/oneOf", "first one that can be mapped");
    }

    [Fact]
    public void PublicEndpoints_DoNotAuthenticate()
    {
        _result.Rest("meta-root").UseAuthentication.ShouldBeFalse();
        _result.Rest("issues-get").UseAuthentication.ShouldBeTrue();
    }

    [Fact]
    public void InvalidFieldNames_AreRenamedAndReported()
    {
        var reactions = _result.Action("issues-get").Outputs.Single(o => o.Name == "reactions");

        reactions.Children.Names().ShouldStartWith("url, total_count, plus_1, minus_1, laugh");
        _result.ShouldReport(ImportItemKind.Approximate, "#/components/schemas/reaction-rollup/properties/+1", "named 'plus_1'");
    }

    [Fact]
    public void TextResponse_IsReported()
    {
        _result.Action("meta-get-zen").Outputs.ShouldBeEmpty();
        _result.ShouldReport(ImportItemKind.Unmapped, "#/paths/~1zen/get/responses/200/content/text~1plain", "Easy REST reads JSON or XML");
    }
}
