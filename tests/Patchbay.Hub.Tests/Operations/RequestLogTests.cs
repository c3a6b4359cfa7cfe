using System.Net;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Operations;

public sealed class RequestLogTests(SqliteHub hub) : HubTests(hub), IClassFixture<SqliteHub>
{
    [Fact]
    public async Task A_request_is_logged_with_route_status_and_key_name_but_not_its_query()
    {
        var sentinel = "query-secret-" + Guid.NewGuid().ToString("N");

        (await Hub.Admin.GetAsync(new Uri("/api/v1/audit?target=" + sentinel, UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);

        Hub.Logs.Lines.ShouldContain(l => l.Contains("HTTP GET /api/v1/audit answered 200 in", StringComparison.Ordinal) && l.EndsWith("ms for admin ", StringComparison.Ordinal));
        Hub.Logs.All.ShouldNotContain(sentinel);
        Hub.Logs.All.ShouldNotContain(Hub.AdminKey);
    }

    [Fact]
    public async Task A_refused_request_is_logged_too()
    {
        (await Hub.Client(null).GetAsync(new Uri("/api/v1/keys", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        Hub.Logs.Lines.ShouldContain(l => l.Contains("HTTP GET /api/v1/keys answered 401 in", StringComparison.Ordinal) && l.EndsWith("ms for anonymous ", StringComparison.Ordinal));
    }
}
