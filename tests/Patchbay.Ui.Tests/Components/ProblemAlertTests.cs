using Bunit;
using MudBlazor.Services;
using Patchbay.Hub.Api;
using Patchbay.Hub.Ui.Common;

namespace Patchbay.Ui.Tests.Components;

/// <summary>A service's refusal is shown whole: its detail and each error's file, JSON path and reason.</summary>
public sealed class ProblemAlertTests : BunitContext
{
    public ProblemAlertTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Each_error_is_listed_with_its_file_and_path()
    {
        var problem = ApiProblems.Document(StatusCodesFor.BadRequest, "The connector is not valid; nothing was installed.", [
            new ProblemError("invalid-version", "connector.json", "$.version", "'one' is not a semantic version."),
            ProblemError.Field("$.name", "Required."),
        ]);

        var alert = Render<ProblemAlert>(p => p.Add(a => a.Problem, problem));

        alert.Markup.ShouldContain("nothing was installed");
        var items = alert.FindAll("li");
        items.Count.ShouldBe(2);
        items[0].TextContent.ShouldContain("connector.json");
        items[0].TextContent.ShouldContain("$.version");
        items[1].TextContent.ShouldContain("$.name");
    }

    [Fact]
    public void Nothing_is_shown_without_a_problem()
    {
        var alert = Render<ProblemAlert>(p => p.Add(a => a.Problem, null));

        alert.Markup.Trim().ShouldBeEmpty();
    }
}
