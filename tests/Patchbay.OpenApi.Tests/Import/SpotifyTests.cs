using Patchbay.Core.Model;
using Patchbay.OpenApi.Tests.Support;

namespace Patchbay.OpenApi.Tests.Import;

/// <summary>Spotify: OAuth 2.0 client credentials, allOf paging objects.</summary>
public sealed class SpotifyTests
{
    private readonly OpenApiImportResult _result = Specs.Import(Specs.Spotify);

    [Fact]
    public void OAuth2_ClientCredentialsIsPreferred_TheOtherFlowIsReported()
    {
        var authentication = _result.Definition().Authentication;

        authentication.Method.ShouldBe(AuthenticationMethod.OAuth2);
        authentication.Grant.ShouldBe(OAuth2Grant.ClientCredentials);
        authentication.Parameters.Select(p => p.Name).ShouldBe(["token_url", "scope", "client_id", "client_secret"]);
        authentication.Parameters[0].DefaultValue.ShouldBe("https://accounts.spotify.com/api/token");
        _result.ShouldReport(ImportItemKind.Unmapped, "#/components/securitySchemes/oauth_2_0/flows/authorizationCode", "clientCredentials flow is used");
    }

    [Fact]
    public void GetAlbum_AllOfMergesBaseAndDetails()
    {
        var action = _result.Action("get-an-album");

        action.Rest!.Url.ShouldBe("/albums/{{id}}");
        action.Outputs.Names().ShouldBe("album_type, total_tracks, available_markets, external_urls, href, id, images, name, release_date, release_date_precision, type, uri, artists, genres, label, popularity");
        action.Outputs.Single(o => o.Name == "images").Children.Names().ShouldBe("url, height, width");
    }

    [Fact]
    public void Search_ArrayParameterIsReported()
    {
        _result.Action("search").Inputs.Single(i => i.Name == "type").ShouldBe(DataNode.Leaf("type", DataType.String, isRequired: true));
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1search/get/parameters/1/schema", "holds a list");
    }
}
