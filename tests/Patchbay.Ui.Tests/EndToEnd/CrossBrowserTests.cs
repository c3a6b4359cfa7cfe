using Microsoft.Playwright;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>
/// Every main screen renders and reacts in Firefox as in Chromium, and stays usable on a phone-sized window:
/// no sideways scrolling, the menu reachable from its button.
/// </summary>
public sealed class CrossBrowserTests(UiHub hub, Browser chromium, Firefox firefox) : IClassFixture<Firefox>
{
    [Fact]
    public async Task Every_main_screen_renders_in_Firefox_without_console_errors()
    {
        var name = await InstallConnectorAsync("Firefox");
        await using var ui = await firefox.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/connectors");

        foreach (var (path, heading, shot) in MainScreens.For(name))
        {
            await ShowAsync(ui, path, heading);
            await ui.ScreenshotAsync($"firefox-{shot}");
        }

        // The circuit reacts: the search filters the list.
        await ShowAsync(ui, "/connectors", "Connectors");
        await ui.Page.GetByLabel("Search connectors").FillAsync(name);
        await ui.Page.GetByRole(AriaRole.Link, new() { Name = name }).WaitForAsync();

        // The editor: a new draft, its code in Monaco, edited by keyboard, and its action run from the Test tab.
        var draft = Connectors.UniqueName("Firefox draft");
        await ShowAsync(ui, "/editor", "Connector Editor");
        await ui.NewCustomDraftAsync(draft);
        await ui.Page.GetByRole(AriaRole.Tab, new() { Name = "Actions" }).ClickAsync();
        var lines = ui.Page.Locator(".code-editor .view-lines");
        await Assertions.Expect(lines).ToContainTextAsync("function invoke(globals, actionName, data, authenticationType, LOG, callback)");
        await lines.GetByText("var name = data.inputs.input.name;").ClickAsync();
        await ui.Page.Keyboard.PressAsync("End");
        await ui.Page.Keyboard.InsertTextAsync(" name = name + ' from Firefox';");
        await ui.ScreenshotAsync("firefox-editor-code");
        await ui.Page.GetByRole(AriaRole.Tab, new() { Name = "Test" }).ClickAsync();
        var test = ui.Page.GetByRole(AriaRole.Region, new() { Name = "Test", Exact = true });
        await test.GetByLabel("Inputs name").FillAsync("Ada");
        await test.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        await Assertions.Expect(ui.Page.GetByRole(AriaRole.Region, new() { Name = "Output" })).ToContainTextAsync("Ada from Firefox");
        await ui.ScreenshotAsync("firefox-editor-test");
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_main_screen_fits_a_narrow_window_and_the_menu_opens_from_its_button()
    {
        var name = await InstallConnectorAsync("Narrow");
        await using var ui = await chromium.OpenAsync(hub.Address, width: 390, height: 844);
        await ui.SignInAsync(hub.AdminKey, "/connectors");

        foreach (var (path, heading, shot) in MainScreens.For(name))
        {
            await ShowAsync(ui, path, heading);
            (await OverflowAsync(ui.Page)).ShouldBeLessThanOrEqualTo(0, $"{path} scrolls sideways on a 390 px window");
            await ui.ScreenshotAsync($"narrow-{shot}");
        }

        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" }).ClickAsync();
        var menu = ui.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await menu.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 }).WaitForAsync();
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    private async Task<string> InstallConnectorAsync(string prefix)
    {
        var name = Connectors.UniqueName(prefix);
        await hub.Admin.InstallAsync(Connectors.Package(name));
        return name;
    }

    private static async Task ShowAsync(UiPage ui, string path, string heading)
    {
        await ui.Page.GotoAsync(path);
        await ui.WaitUntilInteractiveAsync();
        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 }).WaitForAsync();
    }

    /// <summary>How many pixels the page is wider than the window (0 or less when nothing scrolls sideways).</summary>
    private static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
}
