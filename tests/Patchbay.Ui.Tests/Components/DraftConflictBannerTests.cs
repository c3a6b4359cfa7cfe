using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using MudBlazor.Services;
using Patchbay.Hub.Drafts;
using Patchbay.Hub.Ui.Editor;

namespace Patchbay.Ui.Tests.Components;

/// <summary>The banner of a draft saved elsewhere: who, when, that nothing is saved yet, and the three ways out.</summary>
public sealed class DraftConflictBannerTests : BunitContext
{
    private static readonly DraftRevision Theirs = new(4, new DateTimeOffset(2026, 11, 29, 18, 5, 9, TimeSpan.Zero), "colleague");

    private readonly List<string> _chosen = [];

    public DraftConflictBannerTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void It_is_an_alert_naming_who_saved_and_when_and_that_the_changes_are_not_saved()
    {
        var alert = RenderBanner().Find("[role=alert]");

        alert.TextContent.ShouldContain("colleague");
        alert.TextContent.ShouldContain(DraftConflictBanner.Time(Theirs.SavedAt));
        alert.TextContent.ShouldContain("not saved yet");
        alert.GetAttribute("aria-labelledby").ShouldBe("draft-conflict-title");
    }

    [Fact]
    public void Keep_mine_and_export_mine_act_at_once()
    {
        var banner = RenderBanner();

        Button(banner, "Keep mine").Click();
        Button(banner, "Export mine").Click();

        _chosen.ShouldBe(["keep", "export"]);
    }

    [Fact]
    public void Load_theirs_asks_first_and_cancelling_keeps_mine()
    {
        var dialogs = Render<MudDialogProvider>();
        var banner = RenderBanner();

        Button(banner, "Load theirs").Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Your changes are lost unless you exported them"));
        Button(dialogs, "Cancel").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").ShouldBeEmpty());
        _chosen.ShouldBeEmpty();

        Button(banner, "Load theirs").Click();
        dialogs.WaitForAssertion(() => Button(dialogs, "Discard mine").Click());
        banner.WaitForAssertion(() => _chosen.ShouldBe(["load"]));
    }

    [Fact]
    public void While_a_choice_is_carried_out_only_export_stays_available()
    {
        var banner = RenderBanner(busy: true);

        Button(banner, "Keep mine").HasAttribute("disabled").ShouldBeTrue();
        Button(banner, "Load theirs").HasAttribute("disabled").ShouldBeTrue();
        Button(banner, "Export mine").HasAttribute("disabled").ShouldBeFalse();
    }

    private IRenderedComponent<DraftConflictBanner> RenderBanner(bool busy = false) =>
        Render<DraftConflictBanner>(p => p
            .Add(b => b.Theirs, Theirs)
            .Add(b => b.Busy, busy)
            .Add(b => b.KeepMine, () => _chosen.Add("keep"))
            .Add(b => b.LoadTheirs, () => _chosen.Add("load"))
            .Add(b => b.ExportMine, () => _chosen.Add("export")));

    private static IElement Button<T>(IRenderedComponent<T> component, string text)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        component.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
