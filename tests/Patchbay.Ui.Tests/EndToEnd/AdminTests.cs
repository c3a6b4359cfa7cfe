using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>The admin pages: API keys and user accounts, and what a user account's session may see.</summary>
public sealed class AdminTests(UiHub hub, Browser browser)
{
    private const string Password = "a long enough passphrase";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_creates_an_operator_who_signs_in_and_sees_only_operator_pages()
    {
        var name = "ui-op-" + Guid.NewGuid().ToString("N")[..8];
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/admin/users");
        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 }).WaitForAsync();

        await ui.Page.GetByLabel("User name").FillAsync(name);
        await ui.Page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();

        await ui.Page.GetByRole(AriaRole.Status).GetByText($"User {name} created.").WaitForAsync();
        await ui.Page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true }).WaitForAsync();
        await ui.ScreenshotAsync("admin-users");
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await ui.Page.WaitForURLAsync("**/signin**");
        await ui.Page.GetByLabel("User name").FillAsync(name);
        await ui.ScreenshotAsync("sign-in-account");
        await ui.SignInAsUserAsync(name, Password);

        (await ui.Page.GetByTestId("signed-in-as").InnerTextAsync()).ShouldContain($"{name} · operator");
        var menu = ui.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await menu.GetByRole(AriaRole.Link, new() { Name = "Connectors" }).WaitForAsync();
        (await menu.GetByRole(AriaRole.Link, new() { Name = "API keys" }).CountAsync()).ShouldBe(0);
        (await menu.GetByRole(AriaRole.Link, new() { Name = "Users" }).CountAsync()).ShouldBe(0);
        await ui.Page.GotoAsync("/admin/keys");
        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" }).WaitForAsync();
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_admin_creates_an_api_key_and_sees_it_once()
    {
        var name = "ui-key-" + Guid.NewGuid().ToString("N")[..8];
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/admin/keys");
        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "API keys", Level = 1 }).WaitForAsync();

        await ui.Page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        var shown = ui.Page.GetByLabel("New API key", new() { Exact = true });
        await shown.WaitForAsync();
        var key = await shown.InputValueAsync();
        key.ShouldStartWith("pb_");
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Copy key" }).WaitForAsync();
        await ui.ScreenshotAsync("admin-keys");
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await shown.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await ui.Page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true }).WaitForAsync();
        (await ui.Page.ContentAsync()).ShouldNotContain(key);
        var listed = JsonNode.Parse(await hub.Admin.GetStringAsync(new Uri("/api/v1/keys", UriKind.Relative), Cancel))!.AsArray();
        listed.Single(k => k!["name"]!.GetValue<string>() == name)!["role"]!.GetValue<string>().ShouldBe("invoker");
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Revoking_a_user_ends_their_open_session()
    {
        var name = "ui-gone-" + Guid.NewGuid().ToString("N")[..8];
        var response = await hub.Admin.PostAsJsonAsync(new Uri("/api/v1/users", UriKind.Relative), new { name, password = Password, role = "author" }, Cancel);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<string>();
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsUserAsync(name, Password, "/connectors");
        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Connectors" }).WaitForAsync();

        (await hub.Admin.DeleteAsync(new Uri($"/api/v1/users/{id}", UriKind.Relative), Cancel)).EnsureSuccessStatusCode();
        await ui.Page.ReloadAsync();

        ui.Page.Url.ShouldContain("/signin");
        ui.ConsoleErrors.ShouldBeEmpty();
    }
}
