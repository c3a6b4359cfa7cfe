using System.Text.Json.Nodes;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Patchbay.Core.Diagnostics;
using Patchbay.Hub.Invocations;
using Patchbay.Hub.Ui.Editor;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Ui.Tests.Components;

/// <summary>The Test panel's result: what the hub answered for a run, as the person reads it.</summary>
public sealed class TestPanelTests : BunitContext
{
    public TestPanelTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void A_run_shows_its_status_envelope_output_log_lines_http_calls_duration_and_history_link()
    {
        var id = Guid.NewGuid();
        var envelope = new JsonObject
        {
            ["response"] = new JsonObject { ["outputs"] = new JsonObject { ["output"] = new JsonObject { ["name"] = "Widget", ["raw"] = "kept" } } },
            ["success"] = true,
            ["connectorstatuscode"] = 200,
        };
        var run = new ActionTestRun(
            new InvocationAnswer(id, "Shop", "1.0.0", "get-item", "Test", InvocationOutcome.Succeeded, true, 1534, envelope, new JsonObject { ["name"] = "Widget" }, null),
            [new InvocationLogLine("INFO", DateTimeOffset.UnixEpoch, "fetching item 7")],
            [new HttpCallTrace("GET", "http://127.0.0.1:5999/items/7", 200, 12.5, 0, 42)],
            []);

        var result = Render<TestRunResult>(p => p.Add(r => r.Run, run));

        result.Find("[role=status]").TextContent.ShouldContain("Succeeded");
        result.Find("[data-testid=test-outcome]").TextContent.ShouldBe("Succeeded · status 200");
        result.Find("[data-testid=test-duration]").TextContent.ShouldBe("Total 1.53 s");
        result.Find("[role=status]").TextContent.ShouldContain("Values of Test");
        result.Find("pre[aria-label=Output]").TextContent.ShouldNotContain("raw");
        result.Find("pre[aria-label=Output]").TextContent.ShouldContain("\"name\": \"Widget\"");
        result.Find("pre[aria-label=Envelope]").TextContent.ShouldContain("\"connectorstatuscode\": 200");
        result.Find("[aria-label='Log lines']").TextContent.ShouldContain("fetching item 7");
        result.Find("ol[aria-label='HTTP calls timeline']").TextContent.ShouldContain("GET http://127.0.0.1:5999/items/7 → 200 · 12.5 ms");
        result.Find($"a[href='history/{id}']").TextContent.ShouldBe("Open this run in the history");
    }

    [Fact]
    public void Invalid_inputs_are_shown_with_their_json_paths()
    {
        var envelope = new JsonObject { ["success"] = false, ["connectorstatuscode"] = 400 };
        var run = new ActionTestRun(
            new InvocationAnswer(Guid.NewGuid(), "Shop", "1.0.0", "get-item", null, InvocationOutcome.InvalidInput, false, 3, envelope, null, "Invalid inputs: $.id: required"),
            [],
            [],
            [Diagnostic.Error("missing-required-input", new Location("inputs", "$.id"), "The required input is missing.")]);

        var result = Render<TestRunResult>(p => p.Add(r => r.Run, run));

        result.Find("[role=status]").TextContent.ShouldContain("Failed");
        result.Find("[data-testid=test-outcome]").TextContent.ShouldBe("InvalidInput · status 400");
        var problems = result.Find("ul[aria-label=Problems]").TextContent;
        problems.ShouldContain("$.id");
        problems.ShouldContain("The required input is missing.");
        result.Markup.ShouldContain("The connector logged nothing.");
        result.Markup.ShouldContain("The connector made no HTTP call.");
    }
}
