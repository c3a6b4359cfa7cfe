using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Patchbay.Core.Model;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>Environments, a connector's configuration in one, and the platform settings.</summary>
public sealed class ConfigurationPagesTests(UiHub hub, Browser browser)
{
    [Fact]
    public async Task Parameter_values_are_saved_and_a_secret_comes_back_only_as_set()
    {
        var name = Connectors.UniqueName("Config");
        const string Secret = "s3cret-never-shown-Zq81";
        await hub.Admin.InstallAsync(Connectors.Package(name).Parameters(
            new ConnectorParameter { Name = "greeting", Required = true, DataType = "string" },
            new ConnectorParameter { Name = "apiKey", PasswordMode = true, DataType = "string" }));
        var path = $"/connectors/{Uri.EscapeDataString(name)}/versions/1/environments/Test";
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, path);
        (await ui.Page.GetByTestId("missing-required").InnerTextAsync()).ShouldContain("connectorParameters.greeting");
        (await ui.Page.GetByTestId("secret-apiKey").InnerTextAsync()).ShouldBe("not set");

        await ui.Page.GetByRole(AriaRole.Textbox, new() { Name = "greeting", Exact = true }).FillAsync("Hello");
        await ui.Page.GetByLabel("Replace apiKey").FillAsync(Secret);
        await ui.Page.GetByLabel("Replace apiKey").PressAsync("Enter");
        await ui.Page.GetByText("Configuration saved.").WaitForAsync();

        await ui.Page.GotoAsync(path);
        await ui.WaitUntilInteractiveAsync();
        (await ui.Page.GetByTestId("secret-apiKey").InnerTextAsync()).ShouldBe("set");
        (await ui.Page.GetByRole(AriaRole.Textbox, new() { Name = "greeting", Exact = true }).InputValueAsync()).ShouldBe("Hello");
        (await ui.Page.GetByTestId("missing-required").CountAsync()).ShouldBe(0);
        (await ui.Page.ContentAsync()).ShouldNotContain(Secret);
        await ui.ScreenshotAsync("console-configuration");
        var stored = await hub.Admin.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1{path}/config", UriKind.Relative), TestContext.Current.CancellationToken);
        stored!["connectorParameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "apiKey")!["isSet"]!.GetValue<bool>().ShouldBeTrue();
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_environment_is_added_and_deleted_and_built_ins_cannot_be()
    {
        var name = Connectors.UniqueName("Staging");
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/environments");
        var production = ui.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Production" });
        await production.WaitForAsync();
        (await production.GetByRole(AriaRole.Button).CountAsync()).ShouldBe(0);

        await ui.Page.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync(name);
        await ui.Page.GetByRole(AriaRole.Textbox, new() { Name = "Description" }).FillAsync("Pre-production");
        await ui.Page.GetByRole(AriaRole.Textbox, new() { Name = "Description" }).PressAsync("Enter");
        var row = ui.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await row.WaitForAsync();
        await ui.ScreenshotAsync("console-environments");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        await ui.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await row.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var environments = await hub.Admin.GetFromJsonAsync<JsonArray>(new Uri("/api/v1/environments", UriKind.Relative), TestContext.Current.CancellationToken);
        environments!.ShouldNotContain(e => e!["name"]!.GetValue<string>() == name);
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Platform_settings_are_changed_and_the_proxy_password_is_not_shown()
    {
        var retention = Random.Shared.Next(30, 400);
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/settings");
        try
        {
            await ui.Page.GetByRole(AriaRole.Textbox, new() { Name = "Proxy", Exact = true }).FillAsync("http://e2e:pr0xy-Pass@proxy.invalid:3128");
            await ui.Page.GetByRole(AriaRole.Textbox, new() { Name = "No proxy for" }).FillAsync("*");
            await ui.Page.GetByLabel("Retention (days)").FillAsync(retention.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
            await ui.Page.GetByText("Platform settings saved.").WaitForAsync();

            await ui.Page.GotoAsync("/settings");
            await ui.WaitUntilInteractiveAsync();
            (await ui.Page.GetByLabel("Retention (days)").InputValueAsync()).ShouldBe(retention.ToString(System.Globalization.CultureInfo.InvariantCulture));
            (await ui.Page.GetByRole(AriaRole.Textbox, new() { Name = "Proxy", Exact = true }).InputValueAsync()).ShouldNotContain("pr0xy-Pass");
            (await ui.Page.ContentAsync()).ShouldNotContain("pr0xy-Pass");
            await ui.ScreenshotAsync("console-settings");
            var settings = await hub.Admin.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/settings", UriKind.Relative), TestContext.Current.CancellationToken);
            settings!["retentionDays"]!.GetValue<int>().ShouldBe(retention);
            ui.ConsoleErrors.ShouldBeEmpty();
        }
        finally
        {
            // The other tests share this hub: no proxy for them.
            await hub.Admin.PutAsJsonAsync(new Uri("/api/v1/settings", UriKind.Relative), new { proxy = (string?)null, noProxy = (string[]?)null }, TestContext.Current.CancellationToken);
        }
    }
}
