using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>One draft open in two places (two people here, with two keys): the later save never silently wins.</summary>
public sealed class DraftConflictTests(UiHub hub, Browser browser)
{
    [Fact]
    public async Task A_draft_saved_elsewhere_stops_autosave_with_a_banner_and_each_choice_does_what_it_says()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var name = "Conflict E2E " + tag;
        var colleague = "ui-colleague-" + tag;
        await using var mine = await browser.OpenAsync(hub.Address);
        await mine.SignInAsync(hub.AdminKey, "/editor");
        await mine.NewCustomDraftAsync(name);
        await using var theirs = await browser.OpenAsync(hub.Address);
        await theirs.SignInAsync(await CreateAuthorKeyAsync(colleague), new Uri(mine.Page.Url).AbsolutePath);
        await theirs.Page.GetByRole(AriaRole.Heading, new() { Name = $"Connector Editor: {name}" }).WaitForAsync();
        var banner = mine.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "This draft was saved elsewhere" });
        var status = mine.Page.GetByRole(AriaRole.Status).First;

        // They save first; my next save finds theirs and stores nothing.
        await theirs.Page.GetByLabel("Description").SetAsync("Their description");
        await theirs.Page.WaitUntilChangeSavedAsync();
        await mine.Page.GetByLabel("Description").SetAsync("My description");
        await Assertions.Expect(banner).ToContainTextAsync(colleague);
        await Assertions.Expect(banner).ToContainTextAsync("not saved yet");
        await Assertions.Expect(status).ToHaveTextAsync("Not saved: conflict");
        await mine.Page.GetByLabel("Author").SetAsync("Me");
        await mine.ScreenshotAsync("editor-draft-conflict");
        var violations = await AccessibilityTests.ViolationsAsync(mine.Page, "editor in conflict");
        violations.ShouldBeEmpty(string.Join("\n", violations));

        // Leaving while in conflict asks first; declining stays.
        var asked = new TaskCompletionSource<string>();
        async void Decline(object? sender, IDialog dialog)
        {
            asked.TrySetResult(dialog.Message);
            await dialog.DismissAsync();
        }

        mine.Page.Dialog += Decline;
        await mine.Page.GetByRole(AriaRole.Link, new() { Name = "Connector Editor", Exact = true }).ClickAsync();
        (await asked.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken)).ShouldContain("not saved");
        mine.Page.Dialog -= Decline;
        await Assertions.Expect(banner).ToBeVisibleAsync();

        // Export mine: my version, with the change made while in conflict.
        var download = await mine.Page.RunAndWaitForDownloadAsync(() => banner.GetByRole(AriaRole.Button, new() { Name = "Export mine" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.bizc");
        await download.SaveAsAsync(file);
        var exported = await BizcReader.ReadAsync(file, PackageLimits.Default, TestContext.Current.CancellationToken);
        File.Delete(file);
        exported.Package!.Definition.Description.ShouldBe("My description");
        exported.Package.Definition.Author.ShouldBe("Me");

        // Keep mine: saved over theirs, as they see on reloading.
        await banner.GetByRole(AriaRole.Button, new() { Name = "Keep mine" }).ClickAsync();
        await Assertions.Expect(banner).ToHaveCountAsync(0);
        await mine.Page.WaitUntilSavedAsync();
        await theirs.Page.ReloadAsync();
        await theirs.WaitUntilInteractiveAsync();
        await Assertions.Expect(theirs.Page.GetByLabel("Description")).ToHaveValueAsync("My description");
        await Assertions.Expect(theirs.Page.GetByLabel("Author")).ToHaveValueAsync("Me");

        // They save again; my next change conflicts; Load theirs asks, then shows and keeps their version.
        await theirs.Page.GetByLabel("Description").SetAsync("Their second description");
        await theirs.Page.WaitUntilChangeSavedAsync();
        await mine.Page.GetByLabel("Description").SetAsync("My second description");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await banner.GetByRole(AriaRole.Button, new() { Name = "Load theirs" }).ClickAsync();
        var confirmation = mine.Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirmation).ToContainTextAsync(colleague);
        await confirmation.GetByRole(AriaRole.Button, new() { Name = "Discard mine" }).ClickAsync();
        await Assertions.Expect(banner).ToHaveCountAsync(0);
        await Assertions.Expect(mine.Page.GetByLabel("Description")).ToHaveValueAsync("Their second description");
        await Assertions.Expect(status).ToHaveTextAsync(EditorSteps.SavedAt());
        await mine.Page.ReloadAsync();
        await mine.WaitUntilInteractiveAsync();
        await Assertions.Expect(mine.Page.GetByLabel("Description")).ToHaveValueAsync("Their second description");

        // Saving goes on from their version.
        await mine.Page.GetByLabel("Description").SetAsync("Agreed description");
        await mine.Page.WaitUntilChangeSavedAsync();
        await Assertions.Expect(banner).ToHaveCountAsync(0);
        mine.ConsoleErrors.ShouldBeEmpty();
        theirs.ConsoleErrors.ShouldBeEmpty();
    }

    private async Task<string> CreateAuthorKeyAsync(string keyName)
    {
        var response = await hub.Admin.PostAsJsonAsync(new Uri("/api/v1/keys", UriKind.Relative), new { name = keyName, role = "author" }, TestContext.Current.CancellationToken);
        var created = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return created!["key"]!.GetValue<string>();
    }
}
