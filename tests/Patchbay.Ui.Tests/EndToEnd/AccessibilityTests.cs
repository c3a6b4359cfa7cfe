using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>
/// axe-core's WCAG 2.0 and 2.1 A and AA rules on every main screen and every tab of the Connector Editor: controls
/// named, ARIA used as specified, headings and landmarks in order. Left out: colour contrast (the theme's review; the
/// rule depends on rendering details headless browsers give unevenly) and axe's experimental
/// label-content-name-mismatch, which flags the tree editor's rows: a row is named by its field's name while its
/// visible text is its controls' labels ("Name", "List", "Required").
/// </summary>
public sealed class AccessibilityTests(UiHub hub, Browser browser)
{
    private static readonly AxeRunOptions Wcag2 = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        Rules = new Dictionary<string, RuleOptions>
        {
            ["color-contrast"] = new RuleOptions { Enabled = false },
            ["label-content-name-mismatch"] = new RuleOptions { Enabled = false },
        },
    };

    [Fact]
    public async Task The_console_screens_break_no_wcag_rule()
    {
        var name = Connectors.UniqueName("Axe");
        await hub.Admin.InstallAsync(Connectors.Package(name));
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/connectors");
        var found = new List<string>();

        foreach (var (path, heading, _) in MainScreens.For(name))
        {
            await ui.Page.GotoAsync(path);
            await ui.WaitUntilInteractiveAsync();
            await ui.Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 }).WaitForAsync();
            found.AddRange(await ViolationsAsync(ui.Page, path));
        }

        found.ShouldBeEmpty(string.Join("\n", found));
    }

    [Fact]
    public async Task Every_tab_of_the_connector_editor_breaks_no_wcag_rule()
    {
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/editor");
        await ui.NewCustomDraftAsync(Connectors.UniqueName("Axe draft"));
        var found = new List<string>();

        foreach (var tab in new[] { "General", "Actions", "Global parameters", "Libraries", "Test" })
        {
            await ui.Page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
            await Assertions.Expect(ui.Page.GetByRole(AriaRole.Tab, new() { Name = tab })).ToHaveAttributeAsync("aria-selected", "true");
            found.AddRange(await ViolationsAsync(ui.Page, $"editor, {tab} tab"));
        }

        found.ShouldBeEmpty(string.Join("\n", found));
    }

    /// <summary>The WCAG rules' violations on the page as it is now (other tests check their own states with it too).</summary>
    internal static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe(Wcag2);
        return result.Violations.Select(v => $"{where}: {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Select(n => n.Html))}");
    }
}
