using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>Building a connector in the Connector Editor, from a new draft to an installed connector.</summary>
public sealed class ConnectorEditorTests(UiHub hub, Browser browser)
{
    [Fact]
    public async Task A_custom_connector_is_built_from_scratch_kept_as_a_draft_exported_and_installed()
    {
        var name = "Editor E2E " + Guid.NewGuid().ToString("N")[..8];
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/editor");
        var page = ui.Page;
        await page.GetByRole(AriaRole.Heading, new() { Name = "Connector Editor" }).WaitForAsync();
        await ui.ScreenshotAsync("editor-home");

        // A new custom connector from Core's template.
        await ui.NewCustomDraftAsync(name);

        // General information; a wrong version is listed as a problem.
        await page.GetByLabel("Author").SetAsync("Patchbay tests");
        await page.GetByLabel("Version").SetAsync("1.0");
        var problems = page.GetByRole(AriaRole.Region, new() { Name = "Validation" });
        await problems.GetByText("is not a semantic version").WaitForAsync();
        await ui.ScreenshotAsync("editor-general");

        // An action whose input tree comes from a sample.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Actions" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New action" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Action name")).ToHaveValueAsync("new-action");
        await page.GetByRole(AriaRole.Button, new() { Name = "Autogenerate from sample JSON: Inputs" }).ClickAsync();
        await page.GetByLabel("Sample JSON for Inputs").FillAsync("""{ "order": { "id": 42, "total": 9.5, "lines": [ { "sku": "A-1", "quantity": 2 } ] }, "rush": false }""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
        var preview = page.GetByRole(AriaRole.List, new() { Name = "Inferred Inputs" });
        await preview.GetByText("total: Decimal").WaitForAsync();
        await ui.ScreenshotAsync("editor-autogenerate-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace", Exact = true }).ClickAsync();
        await page.GetByLabel("Name of Inputs order.lines.sku").WaitForAsync();
        await page.GetByLabel("Name of Inputs rush").SetAsync("urgent");
        await ui.ScreenshotAsync("editor-action-trees");

        // A password-mode Authentication parameter.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Global parameters" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Authentication" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add authentication parameter" }).ClickAsync();
        await page.GetByLabel("Name of Authentication parameter 1").SetAsync("apiToken");
        await Checkbox(page, "Password mode Authentication parameter 1").CheckAsync();

        // The problem leads to its place and is fixed there.
        await ui.ScreenshotAsync("editor-validation");
        await problems.GetByText("is not a semantic version").ClickAsync();
        await page.GetByLabel("Version").SetAsync("1.0.0");
        await page.GetByTestId("no-problems").WaitForAsync();

        // Saved on its own: a reload shows the same draft.
        await page.WaitUntilSavedAsync();
        await page.ReloadAsync();
        await ui.WaitUntilInteractiveAsync();
        (await page.GetByLabel("Version").InputValueAsync()).ShouldBe("1.0.0");
        (await page.GetByLabel("Author").InputValueAsync()).ShouldBe("Patchbay tests");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Actions" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Actions" }).GetByRole(AriaRole.Button, new() { Name = "New Action", Exact = true }).ClickAsync();
        await page.GetByLabel("Name of Inputs urgent").WaitForAsync();

        // Export: Core reads the .bizc back as it was built.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export .bizc" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.bizc");
        await download.SaveAsAsync(file);
        var read = await BizcReader.ReadAsync(file, PackageLimits.Default, TestContext.Current.CancellationToken);
        File.Delete(file);
        read.Succeeded.ShouldBeTrue(string.Join("\n", read.Diagnostics));
        var definition = read.Package.Definition;
        definition.Name.ShouldBe(name);
        definition.Version.ShouldBe("1.0.0");
        definition.Authentication.Parameters.ShouldHaveSingleItem().ShouldBe(new ConnectorParameter { Name = "apiToken", PasswordMode = true });
        var action = definition.Actions.Single(a => a.Name == "new-action");
        action.Inputs.Select(n => n.Name).ShouldBe(["order", "urgent"]);
        action.Inputs[0].Children.Single(c => c.Name == "lines").IsList.ShouldBeTrue();

        // Install: the hub lists it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Install into the hub" }).ClickAsync();
        await page.GetByText($"Installed {name} 1.0.0").WaitForAsync();
        var listed = await hub.Admin.GetFromJsonAsync<JsonArray>(new Uri($"/api/v1/connectors?search={Uri.EscapeDataString(name)}", UriKind.Relative), TestContext.Current.CancellationToken);
        listed!.Select(c => c!["name"]!.GetValue<string>()).ShouldBe([name]);
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    private static ILocator Checkbox(IPage page, string label) =>
        page.Locator($"input[aria-label='{label}'], [aria-label='{label}'] input").First;
}
