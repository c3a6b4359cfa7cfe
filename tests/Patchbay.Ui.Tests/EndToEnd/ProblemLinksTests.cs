using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>
/// The Connector Editor's validation list leads to the field at fault: its tab and action are shown, the field is
/// focused, and a code problem puts the cursor on its line in the code editor. Each problem is a button, so the list is
/// used with the keyboard too.
/// </summary>
public sealed partial class ProblemLinksTests(UiHub hub, Browser browser)
{
    [Fact]
    public async Task Each_problem_focuses_its_field_or_code_line()
    {
        await using var ui = await browser.OpenAsync(hub.Address);
        var page = ui.Page;
        await ui.SignInAsync(hub.AdminKey, "/editor");
        await ui.NewCustomDraftAsync("Problems E2E " + Guid.NewGuid().ToString("N")[..8]);

        // Three problems in three places: the version, a field of an action's inputs, and the action's code.
        await page.GetByLabel("Version").SetAsync("1.0");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Actions" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New action" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Action name")).ToHaveValueAsync("new-action");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add field to Inputs" }).ClickAsync();
        await page.GetByLabel("Name of Inputs field").SetAsync("bad name");
        var code = page.GetByRole(AriaRole.Textbox, new() { Name = "Code of actions/new-action.js" });
        var line = await AddStrayBraceAsync(page, code);

        // The version, from the Actions tab.
        await Problem(page, "is not a semantic version").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Version")).ToBeFocusedAsync();
        await ui.ScreenshotAsync("editor-problem-focused");

        // The tree's field, from the General tab, with the keyboard.
        await Problem(page, "is not a valid field name").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("Name of Inputs bad name")).ToBeFocusedAsync();

        // The code's line: the cursor is where the problem says.
        await page.GetByRole(AriaRole.Tab, new() { Name = "General" }).ClickAsync();
        await Problem(page, "Syntax error").ClickAsync();
        await ExpectCursorOnLineAsync(page, code, line);
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_problem_in_auth_js_opens_its_dialog_at_the_line()
    {
        await using var ui = await browser.OpenAsync(hub.Address);
        var page = ui.Page;
        await ui.SignInAsync(hub.AdminKey, "/editor");
        await ui.NewCustomDraftAsync("Auth problem E2E " + Guid.NewGuid().ToString("N")[..8]);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Global parameters" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Authentication" }).ClickAsync();
        await page.GetByLabel("Authentication method").SelectOptionAsync("Custom");
        await page.GetByRole(AriaRole.Button, new() { Name = "auth.js", Exact = true }).ClickAsync();
        var code = page.GetByRole(AriaRole.Textbox, new() { Name = "Code of auth/auth.js" });
        var line = await AddStrayBraceAsync(page, code);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "auth.js" })).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "General" }).ClickAsync();
        await Problem(page, "Syntax error").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "auth.js" })).ToBeVisibleAsync();
        await ExpectCursorOnLineAsync(page, code, line);
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>Types a stray closing brace on a new last line of the code; answers the line the syntax error names.</summary>
    private static async Task<int> AddStrayBraceAsync(IPage page, ILocator code)
    {
        await code.FocusAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("}");
        var at = LineColumn().Match(await Problem(page, "Syntax error").Locator("code").InnerTextAsync());
        at.Success.ShouldBeTrue();
        return int.Parse(at.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task ExpectCursorOnLineAsync(IPage page, ILocator code, int line)
    {
        // A dialog's focus trap may take the focus for a moment before it is given back: wait for it to settle.
        await page.WaitForFunctionAsync("line => monaco.editor.getEditors().some(e => e.hasTextFocus() && e.getPosition().lineNumber === line)", line);
        await Assertions.Expect(code).ToBeFocusedAsync();
    }

    private static ILocator Problem(IPage page, string text) =>
        page.GetByRole(AriaRole.List, new() { Name = "Validation problems" }).GetByRole(AriaRole.Button).Filter(new() { HasText = text });

    [GeneratedRegex(@": (\d+):(\d+)$")]
    private static partial Regex LineColumn();
}
