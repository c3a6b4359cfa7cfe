using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>Writing a custom connector's code in the Connector Editor: an action's invoke and auth.js, in Monaco.</summary>
public sealed partial class CodeEditorTests(UiHub hub, Browser browser)
{
    /// <summary>The first completion starts Monaco's TypeScript worker, which takes a while on a busy machine.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Completion = new() { Timeout = 20_000 };

    [Fact]
    public async Task An_actions_code_is_typed_with_bz_util_completion_and_kept_in_the_draft()
    {
        await using var ui = await browser.OpenAsync(hub.Address);
        var page = ui.Page;
        await NewCustomDraftAsync(ui);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Actions" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New action" }).ClickAsync();

        // A new action starts from Bizagi's invoke template.
        var code = Editor(page, "actions/new-action.js");
        await Assertions.Expect(Lines(page, "actions/new-action.js")).ToContainTextAsync("function invoke(globals, actionName, data, authenticationType, LOG, callback) {");

        // Completion knows bz-util's members.
        await code.FocusAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync("var axios = bizagiUtil.");
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "getResponse" })).ToBeVisibleAsync(Completion);
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "REQUIRED" })).ToBeVisibleAsync(Completion);
        await ui.ScreenshotAsync("editor-code");
        await page.Keyboard.TypeAsync("REQUI");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("('axios');");
        await page.Keyboard.PressAsync("Escape");
        await ExpectUnsavedAsync(page);
        await WaitUntilSavedAsync(page);

        // Saved: a reload shows the code, and the draft's file holds it.
        await page.ReloadAsync();
        await ui.WaitUntilInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Actions" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Actions" }).GetByRole(AriaRole.Button, new() { Name = "New Action", Exact = true }).ClickAsync();
        await Assertions.Expect(Lines(page, "actions/new-action.js")).ToContainTextAsync("var axios = bizagiUtil.REQUIRED('axios');");
        var file = (await ExportAsync(page)).Files.GetText(ConnectorPackage.ActionPath("new-action"))!;
        file.ShouldContain("function invoke(globals, actionName, data, authenticationType, LOG, callback) {");
        file.ShouldContain("var axios = bizagiUtil.REQUIRED('axios');");
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Auth_js_is_edited_behind_its_button_while_the_method_is_custom()
    {
        await using var ui = await browser.OpenAsync(hub.Address);
        var page = ui.Page;
        await NewCustomDraftAsync(ui);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Global parameters" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Authentication" }).ClickAsync();
        var button = page.GetByRole(AriaRole.Button, new() { Name = "auth.js", Exact = true });

        // Only the Custom method has an auth.js.
        await page.GetByLabel("Authentication method").SelectOptionAsync("Basic");
        await Assertions.Expect(button).ToBeHiddenAsync();
        await page.GetByLabel("Authentication method").SelectOptionAsync("Custom");

        await button.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "auth.js" });
        await Assertions.Expect(Lines(page, "auth/auth.js")).ToContainTextAsync("function invoke(globals, LOG, callback) {");
        await Lines(page, "auth/auth.js").GetByText("callback(RESPONSE").ClickAsync();
        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.TypeAsync("LOG.");
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "isEnabled" })).ToBeVisibleAsync(Completion);
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.TypeAsync("info('signed in');");
        await page.Keyboard.PressAsync("Enter");
        await ExpectUnsavedAsync(page);
        await ui.ScreenshotAsync("editor-auth-js");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        // Open again: the same text, kept in the draft.
        await button.ClickAsync();
        await Assertions.Expect(Lines(page, "auth/auth.js")).ToContainTextAsync("LOG.info('signed in');");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await WaitUntilSavedAsync(page);

        await page.ReloadAsync();
        await ui.WaitUntilInteractiveAsync();
        var file = (await ExportAsync(page)).Files.GetText(ConnectorPaths.Authenticator)!;
        file.ShouldContain("function invoke(globals, LOG, callback) {");
        file.ShouldContain("  LOG.info('signed in');\n  callback(RESPONSE({}, null, 200));");
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_code_editor_fits_a_narrow_window()
    {
        await using var ui = await browser.OpenAsync(hub.Address, width: 400, height: 800);
        var page = ui.Page;
        await NewCustomDraftAsync(ui);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Actions" }).ClickAsync();

        var editor = page.Locator(".code-editor");
        await Assertions.Expect(Lines(page, "actions/say-hello.js")).ToContainTextAsync("greeting");
        var box = (await editor.BoundingBoxAsync())!;
        box.Width.ShouldBeLessThanOrEqualTo(400);
        box.Height.ShouldBeGreaterThan(200);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(400);
        await ui.ScreenshotAsync("editor-code-narrow");
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_code_editor_is_reached_and_left_with_the_keyboard()
    {
        await using var ui = await browser.OpenAsync(hub.Address);
        var page = ui.Page;
        await NewCustomDraftAsync(ui);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Actions" }).ClickAsync();
        var code = Editor(page, "actions/say-hello.js");
        await Assertions.Expect(Lines(page, "actions/say-hello.js")).ToContainTextAsync("greeting");

        await page.GetByLabel("Action description").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(code).ToBeFocusedAsync();

        // Tab indents inside the editor until Ctrl+M makes it move the focus on.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(code).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+z");
        await page.Keyboard.PressAsync("Control+m");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(code).Not.ToBeFocusedAsync();
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    private async Task NewCustomDraftAsync(UiPage ui)
    {
        await ui.SignInAsync(hub.AdminKey, "/editor");
        await ui.NewCustomDraftAsync("Code E2E " + Guid.NewGuid().ToString("N")[..8]);
    }

    /// <summary>Monaco's text area, named by the editor's aria-label.</summary>
    private static ILocator Editor(IPage page, string path) =>
        page.GetByRole(AriaRole.Textbox, new() { Name = $"Code of {path}" });

    /// <summary>The lines Monaco shows for the file (all of them for these short files).</summary>
    private static ILocator Lines(IPage page, string path) =>
        page.Locator(".code-editor", new() { Has = Editor(page, path) }).Locator(".view-lines");

    /// <summary>Typing has reached the draft: it says "Unsaved changes" until it saves, a second after the last change.</summary>
    private static async Task ExpectUnsavedAsync(IPage page) =>
        await Assertions.Expect(SaveStatus(page)).ToHaveTextAsync("Unsaved changes");

    private static async Task WaitUntilSavedAsync(IPage page) =>
        await Assertions.Expect(SaveStatus(page)).ToHaveTextAsync(EditorSteps.SavedAt());

    private static ILocator SaveStatus(IPage page) =>
        page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = SaveStatusText() });

    /// <summary>The draft as Export .bizc gives it, read back by Core.</summary>
    private static async Task<ConnectorPackage> ExportAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export .bizc" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.bizc");
        await download.SaveAsAsync(file);
        try
        {
            var read = await BizcReader.ReadAsync(file, PackageLimits.Default, TestContext.Current.CancellationToken);
            return read.Package ?? throw new InvalidOperationException(string.Join("\n", read.Diagnostics));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex("^(Saved|Unsaved)")]
    private static partial Regex SaveStatusText();
}
