using System.Globalization;
using Microsoft.AspNetCore.Http;
using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Rest;

/// <summary>Each pagination kind collects the items of every page, within its limits.</summary>
public sealed class PaginationTests(RuntimeFixture fixture, RestApiServer server) : IClassFixture<RuntimeFixture>, IClassFixture<RestApiServer>
{
    /// <summary>25 items, numbered 0..24.</summary>
    private static readonly int[] All = Enumerable.Range(0, 25).ToArray();

    private static string Items(IEnumerable<int> ids) => "[" + string.Join(',', ids.Select(i => $$"""{"id":{{i}}}""")) + "]";

    private static int Int(HttpContext context, string name, int fallback) =>
        int.TryParse(context.Request.Query[name], CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private Task<InvocationResult> RunAsync(string path, RestPagination pagination) =>
        fixture.Runtime.RunAsync(new RestConnector(server.Url).Action("list", RestConnector.Get(path) with { Pagination = pagination }).Build(), "list");

    private static int[] Ids(InvocationResult result) => result.Output()!.AsArray().Select(i => i!["id"]!.GetValue<int>()).ToArray();

    [Fact]
    public async Task NextLinkInTheBody_FollowsUntilThereIsNone()
    {
        server.Map("/next-body", async context =>
        {
            var page = Int(context, "p", 0);
            var next = page < 2 ? $"\"/next-body?p={page + 1}\"" : "null";
            await context.Response.WriteAsync($$$"""{"data":{{{Items(All.Skip(page * 10).Take(10))}}},"links":{"next":{{{next}}}}}""");
        });

        var result = await RunAsync("/next-body", new RestPagination { Kind = PaginationKind.NextLink, ItemsPath = "data", NextPath = "links.next" });

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        Ids(result).ShouldBe(All);
        result.HttpCalls.Count.ShouldBe(3);
    }

    [Fact]
    public async Task NextLinkInTheLinkHeader_FollowsRelNext()
    {
        server.Map("/next-header", async context =>
        {
            var page = Int(context, "p", 0);
            if (page < 2)
            {
                context.Response.Headers.Link = $"<{server.Url}/next-header?p=0>; rel=\"first\", <{server.Url}/next-header?p={page + 1}>; rel=\"next\"";
            }

            await context.Response.WriteAsync(Items(All.Skip(page * 10).Take(10)));
        });

        var result = await RunAsync("/next-header", new RestPagination { Kind = PaginationKind.NextLink });

        Ids(result).ShouldBe(All);
    }

    [Fact]
    public async Task Cursor_SendsEachPagesCursorBackWithThePageSize()
    {
        server.Map("/cursor", async context =>
        {
            var start = Int(context, "after", -1) + 1;
            var size = Int(context, "limit", 0);
            var page = All.Skip(start).Take(size).ToArray();
            var cursor = start + size < All.Length ? $"\"{page[^1]}\"" : "\"\"";
            await context.Response.WriteAsync($$"""{"items":{{Items(page)}},"next_cursor":{{cursor}}}""");
        });

        var result = await RunAsync("/cursor", new RestPagination { Kind = PaginationKind.Cursor, ItemsPath = "items", NextPath = "next_cursor", Parameter = "after", SizeParameter = "limit", PageSize = 10 });

        Ids(result).ShouldBe(All);
        server.To("/cursor").Select(r => r.Query).ShouldBe(["?limit=10", "?limit=10&after=9", "?limit=10&after=19"]);
    }

    [Fact]
    public async Task Offset_AdvancesByTheItemsReceivedAndStopsAtAShortPage()
    {
        server.Map("/offset", async context => await context.Response.WriteAsync(Items(All.Skip(Int(context, "offset", 0)).Take(Int(context, "size", 0)))));

        var result = await RunAsync("/offset", new RestPagination { Kind = PaginationKind.Offset, Parameter = "offset", SizeParameter = "size", PageSize = 10 });

        Ids(result).ShouldBe(All);
        server.To("/offset").Select(r => r.Query).ShouldBe(["?size=10&offset=0", "?size=10&offset=10", "?size=10&offset=20"]);
    }

    [Fact]
    public async Task PageNumber_StartsWhereToldAndStopsAtAnEmptyPage()
    {
        server.Map("/pages", async context => await context.Response.WriteAsync(Items(All.Skip((Int(context, "page", 1) - 1) * 10).Take(10))));

        var result = await RunAsync("/pages", new RestPagination { Kind = PaginationKind.PageNumber, Parameter = "page", Start = 1 });

        Ids(result).ShouldBe(All);
        server.To("/pages").Select(r => r.Query).ShouldBe(["?page=1", "?page=2", "?page=3", "?page=4"]);
    }

    [Fact]
    public async Task MaxPagesAndMaxItems_EndTheListing()
    {
        server.Map("/endless", async context => await context.Response.WriteAsync(Items(Enumerable.Range(Int(context, "page", 0) * 10, 10))));

        var byPages = await RunAsync("/endless", new RestPagination { Kind = PaginationKind.PageNumber, Parameter = "page", MaxPages = 2 });
        var byItems = await RunAsync("/endless", new RestPagination { Kind = PaginationKind.PageNumber, Parameter = "page", MaxItems = 15 });

        Ids(byPages).ShouldBe(Enumerable.Range(0, 20).ToArray());
        Ids(byItems).ShouldBe(Enumerable.Range(0, 15).ToArray());
        byItems.HttpCalls.Count.ShouldBe(2);
    }

    [Fact]
    public async Task AnErrorOnALaterPage_FailsWithThatPagesErrorAndSaysWhichPage()
    {
        server.Map("/flaky", async context =>
        {
            var page = Int(context, "page", 0);
            context.Response.StatusCode = page == 2 ? 500 : 200;
            await context.Response.WriteAsync(Items(Enumerable.Range(page * 10, 10)));
        });

        var result = await RunAsync("/flaky", new RestPagination { Kind = PaginationKind.PageNumber, Parameter = "page" });

        result.Outcome.ShouldBe(InvocationOutcome.RemoteHttpError);
        result.StatusCode().ShouldBe(500);
        result.Envelope["response"]!["outputs"]!["error"]!["error"]!.GetValue<string>().ShouldBe("INTERNAL_SERVER_ERROR");
        result.FailureMessage!.ShouldStartWith("Page 3: ");
    }

    [Fact]
    public async Task AMissingItemsPath_FailsNamingPageAndPath()
    {
        server.Answer("/no-items", 200, """{"results":[]}""");

        var result = await RunAsync("/no-items", new RestPagination { Kind = PaginationKind.PageNumber, Parameter = "page", ItemsPath = "data" });

        result.FailureMessage.ShouldBe("Page 1: the response has no 'data' (pagination itemsPath).");
    }
}
