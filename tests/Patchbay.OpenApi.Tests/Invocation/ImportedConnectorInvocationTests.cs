using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Patchbay.OpenApi.Tests.Support;
using Patchbay.Runtime.Invocation;

namespace Patchbay.OpenApi.Tests.Invocation;

/// <summary>
/// One action of each imported connector, invoked through the runtime against a loopback server standing in for
/// the API: the request it receives is what the document describes, and the answer is shaped by the imported tree.
/// </summary>
public sealed class ImportedConnectorInvocationTests(RuntimeFixture fixture) : IClassFixture<RuntimeFixture>
{
    private const string PetJson = """{"id":7,"name":"Rex","category":{"id":1,"name":"Dogs"},"photoUrls":["a.png"],"tags":[{"id":2,"name":"good"}],"status":"available","extra":"x"}""";

    [Fact]
    public async Task Petstore3_GetPetById_SendsTheApiKeyHeader()
    {
        await using var api = await LoopbackApi.JsonAsync(PetJson);
        var connector = Import(Specs.Petstore3, api.Url + "/api/v3");

        var result = await InvokeAsync(connector, "get-pet-by-id", """{"petId": 7}""", auth: new() { ["api_key"] = "special-key" });

        result.Succeeded.ShouldBeTrue(result.FailureMessage);
        var request = api.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("GET");
        request.PathAndQuery.ShouldBe("/api/v3/pet/7");
        request.Headers["api_key"].ShouldBe("special-key");
        result.ShapedOutput!["name"]!.GetValue<string>().ShouldBe("Rex");
        result.ShapedOutput!["tags"]![0]!["name"]!.GetValue<string>().ShouldBe("good");
        result.ShapedOutput!.AsObject().ContainsKey("extra").ShouldBeFalse();
    }

    [Fact]
    public async Task Petstore2_UpdatePetWithForm_SendsAFormWithoutThePathInput()
    {
        await using var api = await LoopbackApi.JsonAsync("{}");
        var connector = Import(Specs.Petstore2, api.Url + "/v2");

        var result = await InvokeAsync(connector, "update-pet-with-form", """{"petId": 7, "name": "Rex", "status": "sold"}""", auth: new() { ["api_key"] = "special-key" });

        result.Succeeded.ShouldBeTrue(result.FailureMessage);
        var request = api.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.PathAndQuery.ShouldBe("/v2/pet/7");
        request.ContentType.ShouldStartWith("application/x-www-form-urlencoded");
        request.Body.ShouldBe("name=Rex&status=sold");
    }

    [Fact]
    public async Task TrainTravel_GetTrips_SendsTheQueryAndTheBearerToken()
    {
        await using var api = await LoopbackApi.JsonAsync("""{"data":[{"id":"t1","origin":"a","destination":"b","price":12.5,"dogs_allowed":true}],"links":{"self":"x"}}""");
        var connector = Import(Specs.TrainTravel, api.Url);

        var result = await InvokeAsync(connector, "get-trips", """{"origin": "a", "destination": "b", "date": "2024-02-01T09:00:00Z"}""", auth: new() { ["access_token"] = "tok-1", ["client_id"] = "c" });

        result.Succeeded.ShouldBeTrue(result.FailureMessage);
        var request = api.Requests.ShouldHaveSingleItem();
        request.PathAndQuery.ShouldStartWith("/trips?");
        request.PathAndQuery.ShouldContain("origin=a");
        request.PathAndQuery.ShouldContain("destination=b");
        request.Headers["Authorization"].ShouldBe("Bearer tok-1");
        result.ShapedOutput!["data"]![0]!["price"]!.GetValue<decimal>().ShouldBe(12.5m);
    }

    [Fact]
    public async Task Stripe_PostCustomers_SendsAFormWithBasicAuthentication()
    {
        await using var api = await LoopbackApi.JsonAsync("""{"id":"cus_1","object":"customer","email":"jane@example.com","livemode":false,"created":1700000000}""");
        var connector = Import(Specs.Stripe, api.Url);

        var result = await InvokeAsync(connector, "post-customers", """{"email": "jane@example.com", "name": "Jane"}""", auth: new() { ["username"] = "sk_test_123", ["password"] = "unused" });

        result.Succeeded.ShouldBeTrue(result.FailureMessage);
        var request = api.Requests.ShouldHaveSingleItem();
        request.PathAndQuery.ShouldBe("/v1/customers");
        request.Body.ShouldBe("email=jane%40example.com&name=Jane");
        request.Headers["Authorization"].ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("sk_test_123:unused")));
        result.ShapedOutput!["id"]!.GetValue<string>().ShouldBe("cus_1");
    }

    [Fact]
    public async Task GitHub_ListIssues_FollowsTheLinkHeader()
    {
        LoopbackApi? api = null;
        api = await LoopbackApi.StartAsync(async context =>
        {
            var second = context.Request.Query["page"] == "2";
            if (!second)
            {
                context.Response.Headers.Link = $"<{api!.Url}/repos/octo/hello/issues?page=2>; rel=\"next\"";
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(second ? """[{"number":2,"title":"Second"}]""" : """[{"number":1,"title":"First","user":{"login":"octocat"}}]""");
        });
        await using var disposeApi = api;
        var connector = Import(Specs.GitHub, api.Url);

        var result = await InvokeAsync(connector, "issues-list-for-repo", """{"owner": "octo", "repo": "hello", "state": "open"}""", auth: new() { ["token"] = "ghp_x" });

        result.Succeeded.ShouldBeTrue(result.FailureMessage);
        api.Requests.Count.ShouldBe(2);
        api.Requests.ShouldAllBe(r => r.Headers["Authorization"] == "Bearer ghp_x");
        api.Requests.First().PathAndQuery.ShouldStartWith("/repos/octo/hello/issues?");
        var issues = result.ShapedOutput.ShouldBeOfType<JsonArray>();
        issues.Select(i => i!["title"]!.GetValue<string>()).ShouldBe(["First", "Second"]);
    }

    [Fact]
    public async Task OpenWeatherMap_CurrentWeather_SendsTheKeyInTheQuery()
    {
        await using var api = await LoopbackApi.JsonAsync("""{"name":"London","main":{"temp":281.5,"humidity":80},"weather":[{"id":803,"main":"Clouds"}]}""");
        var connector = Import(Specs.OpenWeatherMap, api.Url);

        var result = await InvokeAsync(connector, "current-weather-data", """{"q": "London"}""", auth: new() { ["api_key"] = "owm-key" });

        result.Succeeded.ShouldBeTrue(result.FailureMessage);
        var request = api.Requests.ShouldHaveSingleItem();
        request.PathAndQuery.ShouldStartWith("/weather?");
        request.PathAndQuery.ShouldContain("q=London");
        request.PathAndQuery.ShouldContain("appid=owm-key");
        result.ShapedOutput!["main"]!["temp"]!.GetValue<decimal>().ShouldBe(281.5m);
    }

    [Fact]
    public async Task Spotify_GetAlbum_GetsATokenByClientCredentials()
    {
        await using var api = await LoopbackApi.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(context.Request.Path == "/api/token"
                ? """{"access_token":"at-1","token_type":"Bearer","expires_in":3600}"""
                : """{"id":"4aawyAB9vmqN3uQ7FjRGTy","name":"Global Warming","total_tracks":18}""");
        });
        var connector = Import(Specs.Spotify, api.Url + "/v1");

        var result = await InvokeAsync(connector, "get-an-album", """{"id": "4aawyAB9vmqN3uQ7FjRGTy"}""",
            auth: new() { ["token_url"] = api.Url + "/api/token", ["client_id"] = "cid", ["client_secret"] = "csecret" });

        result.Succeeded.ShouldBeTrue(result.FailureMessage);
        var token = api.Requests.First();
        token.Method.ShouldBe("POST");
        token.Body.ShouldContain("grant_type=client_credentials");
        var call = api.Requests.Last();
        call.PathAndQuery.ShouldStartWith("/v1/albums/4aawyAB9vmqN3uQ7FjRGTy");
        call.Headers["Authorization"].ShouldBe("Bearer at-1");
        result.ShapedOutput!["total_tracks"]!.GetValue<int>().ShouldBe(18);
    }

    [Fact]
    public async Task EdgeCases_AddTags_SendsTheArrayBodyWithoutAuthentication()
    {
        await using var api = await LoopbackApi.JsonAsync("""["a","b"]""");
        var connector = Import(Specs.EdgeCases, api.Url);

        var result = await InvokeAsync(connector, "add-tags", """{"fileId": "f1", "body": ["a", "b"]}""", auth: []);

        result.Succeeded.ShouldBeTrue(result.FailureMessage);
        var request = api.Requests.ShouldHaveSingleItem();
        request.PathAndQuery.ShouldBe("/files/f1/tags");
        request.Body.ShouldBe("""["a","b"]""");
        request.Headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    private static Core.Model.ConnectorPackage Import(string file, string baseUri) =>
        Specs.Import(file, new OpenApiImportOptions { BaseUri = baseUri }).Package!;

    private async Task<InvocationResult> InvokeAsync(Core.Model.ConnectorPackage connector, string action, string inputs, Dictionary<string, string> auth) =>
        await fixture.Runtime.InvokeAsync(
            new InvocationRequest { Connector = connector, Action = action, Inputs = JsonNode.Parse(inputs), AuthenticationParameters = auth },
            TestContext.Current.CancellationToken);
}
