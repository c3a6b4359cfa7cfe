using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Patchbay.Ui.Tests.Support;

/// <summary>Steps the Connector Editor's end-to-end tests share.</summary>
internal static partial class EditorSteps
{
    /// <summary>From the editor's home (signed in): a new custom connector draft from the template, open and interactive.</summary>
    public static async Task NewCustomDraftAsync(this UiPage ui, string name)
    {
        var page = ui.Page;
        await page.GetByLabel("Connector name").FillAsync(name);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create" })).ToBeEnabledAsync();
        await page.GetByLabel("Connector name").PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Connector Editor: {name}" }).WaitForAsync();
        await ui.WaitUntilInteractiveAsync();
    }

    /// <summary>Types into a text field and leaves it, which is when the field reports its new value.</summary>
    public static async Task SetAsync(this ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    /// <summary>Waits until the draft's status says it is saved (a second after the last change).</summary>
    public static async Task WaitUntilSavedAsync(this IPage page) =>
        await page.GetByRole(AriaRole.Status).GetByText(SavedAt()).WaitForAsync();

    /// <summary>
    /// After a change: waits until the draft's status has said "Unsaved changes" (it does for the second before the
    /// save) and then says it is saved, so the save seen is this change's and not the one before.
    /// </summary>
    public static async Task WaitUntilChangeSavedAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Status).GetByText("Unsaved changes").WaitForAsync();
        await page.WaitUntilSavedAsync();
    }

    [GeneratedRegex("^Saved")]
    public static partial Regex SavedAt();
}
