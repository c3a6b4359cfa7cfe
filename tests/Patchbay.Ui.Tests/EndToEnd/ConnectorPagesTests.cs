using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>The connectors list's upload, and a connector's detail page with its history.</summary>
public sealed class ConnectorPagesTests(UiHub hub, Browser browser)
{
    [Fact]
    public async Task An_uploaded_bizc_is_listed_with_its_version()
    {
        var name = Connectors.UniqueName("Upload");
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/connectors");

        await UploadAsync(ui, "upload.bizc", Connectors.Bizc(Connectors.Package(name, "1.2.0")));

        (await ui.Page.GetByTestId("upload-outcome").InnerTextAsync()).ShouldContain($"Installed {name} 1.2.0: major version 1 added");
        var row = ui.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await row.GetByText("1.2.0").WaitForAsync();
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_invalid_bizc_shows_each_problem_with_its_place_and_installs_nothing()
    {
        var name = Connectors.UniqueName("Invalid");
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/connectors");

        await UploadAsync(ui, "broken.bizc", Connectors.Bizc(Connectors.Package(name, "one")));

        var problem = ui.Page.GetByTestId("problem");
        (await problem.InnerTextAsync()).ShouldContain("nothing was installed");
        var errors = await problem.GetByRole(AriaRole.Listitem).AllInnerTextsAsync();
        errors.ShouldContain(e => e.Contains("version", StringComparison.OrdinalIgnoreCase));
        await ui.ScreenshotAsync("console-upload-errors");
        (await hub.Admin.GetAsync(new Uri($"/api/v1/connectors/{Uri.EscapeDataString(name)}", UriKind.Relative), TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_detail_page_shows_versions_and_actions_and_restores_an_older_version()
    {
        var name = Connectors.UniqueName("Detail");
        var guid = Guid.NewGuid().ToString();
        await hub.Admin.InstallAsync(Connectors.Package(name, "1.0.0", guid));
        await hub.Admin.InstallAsync(Connectors.Package(name, "1.1.0", guid));
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/connectors");

        await ui.Page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Major version 1 · current 1.1.0" }).WaitForAsync();
        await ui.Page.GetByText("greet (greet, Custom)").ClickAsync();
        await ui.Page.GetByLabel("Inputs of greet").GetByText("name: String!").WaitForAsync();
        await ui.ScreenshotAsync("console-connector-detail");

        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Restore 1.0.0" }).ClickAsync();
        var dialog = ui.Page.GetByRole(AriaRole.Dialog);
        (await dialog.InnerTextAsync()).ShouldContain("1.1.0 goes to the history");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();

        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Major version 1 · current 1.0.0" }).WaitForAsync();
        var major = await hub.Admin.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/connectors/{Uri.EscapeDataString(name)}/versions/1", UriKind.Relative), TestContext.Current.CancellationToken);
        major!["version"]!.GetValue<string>().ShouldBe("1.0.0");
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_operator_reads_and_configures_but_is_offered_no_upload_restore_or_delete()
    {
        var name = Connectors.UniqueName("Operated");
        var guid = Guid.NewGuid().ToString();
        await hub.Admin.InstallAsync(Connectors.Package(name, "1.0.0", guid));
        await hub.Admin.InstallAsync(Connectors.Package(name, "1.0.1", guid));
        var created = await (await hub.Admin.PostAsJsonAsync(new Uri("/api/v1/keys", UriKind.Relative), new { name = "ui-console-operator", role = "operator" }, TestContext.Current.CancellationToken))
            .Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(created!["key"]!.GetValue<string>(), "/connectors");
        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Connectors" }).WaitForAsync();
        (await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Upload .bizc or source zip" }).CountAsync()).ShouldBe(0);

        await ui.Page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();

        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Major version 1 · current 1.0.1" }).WaitForAsync();
        (await ui.Page.GetByRole(AriaRole.Link, new() { Name = "Configure major 1 in Development" }).CountAsync()).ShouldBe(1);
        (await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Restore 1.0.0" }).CountAsync()).ShouldBe(0);
        (await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Delete connector" }).CountAsync()).ShouldBe(0);
        (await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Delete major 1" }).CountAsync()).ShouldBe(0);
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    private static async Task UploadAsync(UiPage ui, string fileName, byte[] bytes) =>
        await ui.Page.Locator("input[type=file]").ChooseUntilAsync(
            new FilePayload { Name = fileName, MimeType = "application/octet-stream", Buffer = bytes },
            ui.Page.GetByTestId("upload-outcome").Or(ui.Page.GetByTestId("problem")));
}
