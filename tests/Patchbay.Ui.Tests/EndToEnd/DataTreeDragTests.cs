using Microsoft.Playwright;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>Moving fields of an action's data tree with the pointer, in a real browser's HTML5 drag and drop.</summary>
public sealed class DataTreeDragTests(UiHub hub, Browser browser)
{
    [Fact]
    public async Task A_field_dragged_onto_an_object_field_becomes_its_child()
    {
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/editor");
        var page = ui.Page;
        await ui.NewCustomDraftAsync("Drag E2E " + Guid.NewGuid().ToString("N")[..8]);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Actions" }).ClickAsync();

        // The template's say-hello action has one input, name; a second one becomes an object.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add field to Inputs" }).ClickAsync();
        await page.GetByLabel("Type of Inputs field").SelectOptionAsync("Object");

        await page.DragAndDropAsync("[title='Drag Inputs name to move it']", "[role=treeitem][aria-label=field]");

        await page.GetByLabel("Name of Inputs field.name").WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tree, new() { Name = "Inputs tree" }).GetByRole(AriaRole.Treeitem)).ToHaveCountAsync(2);
        ui.ConsoleErrors.ShouldBeEmpty();
    }
}
