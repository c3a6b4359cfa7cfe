using System.Net.Http.Json;
using Microsoft.Playwright;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>Signing in and out of the web UI, and what a session may see.</summary>
public sealed class SignInTests(UiHub hub, Browser browser)
{
    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_and_comes_back_where_they_were_going()
    {
        await using var ui = await browser.OpenAsync(hub.Address);

        await ui.Page.GotoAsync("/connectors");

        ui.Page.Url.ShouldContain("/signin");
        await ui.ScreenshotAsync("sign-in");
        await ui.Page.GetByLabel("API key").FillAsync(hub.AdminKey);
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with key" }).ClickAsync();
        await ui.WaitUntilInteractiveAsync();
        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Connectors" }).WaitForAsync();
        new Uri(ui.Page.Url).AbsolutePath.ShouldBe("/connectors");
        await ui.ScreenshotAsync("connectors");
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_the_reason_and_no_session()
    {
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.Page.GotoAsync("/signin");

        await ui.Page.GetByLabel("API key").FillAsync("pb_00000000_not-a-real-key");
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with key" }).ClickAsync();

        await ui.Page.GetByRole(AriaRole.Alert).GetByText("not valid").WaitForAsync();
        (await ui.Page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "patchbay-session");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_a_revoked_key_loses_its_session()
    {
        var created = await (await hub.Admin.PostAsJsonAsync(new Uri("/api/v1/keys", UriKind.Relative), new { name = "ui-operator", role = "operator" }, TestContext.Current.CancellationToken))
            .Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken);
        var key = created!["key"]!.GetValue<string>();
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(key);
        (await ui.Page.GetByTestId("signed-in-as").InnerTextAsync()).ShouldContain("operator");

        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await ui.Page.WaitForURLAsync("**/signin**");
        await ui.SignInAsync(key);
        (await hub.Admin.DeleteAsync(new Uri($"/api/v1/keys/{created["id"]}", UriKind.Relative), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await ui.Page.GotoAsync("/connectors"); // the hub that revoked the key forgets it at once

        ui.Page.Url.ShouldContain("/signin");
    }
}
