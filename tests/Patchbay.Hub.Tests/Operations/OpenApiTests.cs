using System.Net;
using Microsoft.OpenApi;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Operations;

public abstract class OpenApiTests(HubFixture hub) : HubTests(hub)
{
    private static readonly Uri Document = new("/openapi/v1.json", UriKind.Relative);

    [Fact]
    public async Task The_document_parses_and_lists_every_api_endpoint_with_the_key_scheme()
    {
        var text = await Hub.Admin.GetStringAsync(Document, Cancel);

        var read = OpenApiDocument.Parse(text, "json");
        read.Diagnostic!.Errors.ShouldBeEmpty();
        var document = read.Document!;
        var listed = document.Paths.SelectMany(p => p.Value.Operations!.Keys.Select(m => m.Method + " " + p.Key)).ToHashSet();
        var expected = AccessMatrix.Endpoints(Hub)
            .Where(e => e.Route.StartsWith("/api/v1/", StringComparison.Ordinal) && !e.Route.Contains("{*", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => m + " " + AccessMatrix.WithoutConstraints(e.Route)))
            .ToList();
        expected.ShouldNotBeEmpty();
        expected.Where(e => !listed.Contains(e)).ShouldBeEmpty();
        document.Components!.SecuritySchemes!.Keys.ShouldBe(["bearer", "apiKeyHeader"], ignoreOrder: true);
        document.Security.ShouldNotBeNull().Count.ShouldBe(2);
        var anonymous = AccessMatrix.Endpoints(Hub).Where(e => e.Anonymous).Select(e => e.Route).ToHashSet();
        document.Paths.Where(p => !anonymous.Contains(p.Key)).SelectMany(p => p.Value.Operations!.Values).ShouldAllBe(o => o.Responses!.ContainsKey("401"));
    }

    [Fact]
    public async Task The_document_is_served_to_any_valid_key_and_to_no_one_else()
    {
        (await Hub.Client(null).GetAsync(Document, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreach (var role in Roles.All)
        {
            (await Hub.Client(await Hub.CreateKeyAsync(role)).GetAsync(Document, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }
}

public sealed class SqliteOpenApiTests(SqliteHub hub) : OpenApiTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresOpenApiTests(PostgresHub hub) : OpenApiTests(hub), IClassFixture<PostgresHub>;
