using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Patchbay.Hub.Tests.Invocations;
using Patchbay.Hub.Tests.Support;
using static Patchbay.Hub.Tests.Connectors.ConnectorUploads;

namespace Patchbay.Hub.Tests.Hostile;

/// <summary>What every hostile test ends with: the hub is ready and a well-behaved connector, installed right after, answers.</summary>
internal static class StillServing
{
    public static async Task ShouldStillServeAsync(this HubFixture hub)
    {
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };
        var health = await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        health.StatusCode.ShouldBe(HttpStatusCode.OK, await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var name = await hub.InstallAsync(Package(UniqueName("Bystander")));
        var response = await hub.Admin.PostAsJsonAsync(
            new Uri($"/api/v1/connectors/{Uri.EscapeDataString(name)}/versions/1/actions/greet/invoke", UriKind.Relative),
            new { environment = "Test", inputs = new { who = "Ada" } },
            TestContext.Current.CancellationToken);
        var answer = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, answer.ToJsonString());
        answer["success"]!.GetValue<bool>().ShouldBeTrue(answer.ToJsonString());
        answer["output"]!["text"]!.GetValue<string>().ShouldBe("hi Ada");
    }

    /// <summary>Reads a response as a problem document, failing unless it is one with that status.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonNode.Parse(text)!.AsObject();
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        return problem;
    }

    /// <summary>The errors of a problem as "code path" lines, to compare at a glance.</summary>
    public static IReadOnlyList<string> Errors(this JsonObject problem) =>
        [.. (problem["errors"]?.AsArray() ?? []).Select(e => $"{e!["code"]} {e["path"]}")];
}
