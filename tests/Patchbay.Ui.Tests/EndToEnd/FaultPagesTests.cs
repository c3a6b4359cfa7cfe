using Microsoft.Playwright;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>
/// What a person sees when the hub's storage fails under the UI, made for real on a hub of the test's own
/// (<see cref="FaultyStorageHub"/>): inside an open page the fault shows in the page's place with "Try again" and
/// the page works again afterwards; a page requested anew is an HTML error page with the status, what happened,
/// what to do and the request id, never a problem document.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Category", "Postgres")]
public sealed class FaultPagesTests(FaultyStorageHub hub, Browser browser) : IClassFixture<FaultyStorageHub>
{
    [Fact]
    public async Task While_the_database_is_down_an_open_page_says_so_in_place_and_a_new_request_gets_a_503_page()
    {
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/connectors");
        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Connectors" }).WaitForAsync();

        await hub.Server.KillAsync();
        try
        {
            await ui.Page.GetByRole(AriaRole.Link, new() { Name = "Environments" }).ClickAsync();

            var fault = ui.Page.GetByTestId("page-fault");
            await fault.WaitForAsync();
            (await fault.InnerTextAsync()).ShouldContain("The hub's PostgreSQL database is unavailable");
            (await fault.InnerTextAsync()).ShouldContain("Try again in 5 seconds");
            await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "The hub cannot do this right now" }).WaitForAsync();
            await ui.ScreenshotAsync("ui-page-fault");

            var other = await ui.Page.Context.NewPageAsync();
            var response = (await other.GotoAsync("/connectors"))!;
            response.Status.ShouldBe(503);
            (await response.HeaderValueAsync("retry-after")).ShouldBe("5");
            (await response.HeaderValueAsync("content-type")).ShouldStartWith("text/html");
            await other.GetByRole(AriaRole.Heading, new() { Name = "The hub cannot do this right now" }).WaitForAsync();
            (await other.Locator("main").InnerTextAsync()).ShouldContain("The hub's PostgreSQL database is unavailable; nothing was stored.");
            (await other.GetByRole(AriaRole.Link, new() { Name = "Back to Patchbay's home page" }).GetAttributeAsync("href")).ShouldBe("/");
            Directory.CreateDirectory(BrowserFixture.ScreenshotFolder);
            await other.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "ui-error-page.png"), FullPage = true });
            await other.CloseAsync();
        }
        finally
        {
            await hub.Server.StartAgainAsync();
        }

        // A connection the outage broke fails once more before the pool replaces it: try again until it works.
        await TryAgainUntilAsync(ui, "Environments");
        await ui.Page.GetByRole(AriaRole.Link, new() { Name = "Connectors" }).ClickAsync();
        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Connectors" }).WaitForAsync();
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unexpected_failure_shows_its_error_id_in_place_and_a_new_request_gets_a_500_page_with_its_request_id()
    {
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/connectors");
        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Connectors" }).WaitForAsync();

        await hub.ExecuteAsync("ALTER TABLE connectors RENAME TO connectors_away"); // a damaged schema: no storage fault, a bug to report
        try
        {
            await ui.Page.GetByLabel("Search connectors").FillAsync("any"); // debounced: run outside any event

            var fault = ui.Page.GetByTestId("page-fault");
            await fault.WaitForAsync();
            await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Something went wrong" }).WaitForAsync();
            var text = await fault.InnerTextAsync();
            text.ShouldMatch(@"Error id: [0-9a-f]{12}");
            text.ShouldNotContain("connectors_away");
            text.ShouldNotContain("relation");

            var other = await ui.Page.Context.NewPageAsync();
            var response = (await other.GotoAsync("/connectors"))!;
            response.Status.ShouldBe(500);
            var page = await other.Locator("main").InnerTextAsync();
            var requestId = (await other.Locator("code").InnerTextAsync()).Trim();
            requestId.ShouldNotBeEmpty();
            page.ShouldContain($"its log has the cause under request id {requestId}.");
            page.ShouldContain("tell the hub's operator the id below");
            page.ShouldNotContain("relation");
            await other.CloseAsync();
        }
        finally
        {
            await hub.ExecuteAsync("ALTER TABLE connectors_away RENAME TO connectors");
        }

        await TryAgainUntilAsync(ui, "Connectors");
        await ui.Page.GetByRole(AriaRole.Link, new() { Name = "Environments" }).ClickAsync();
        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Environments" }).WaitForAsync();
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_editor_change_made_while_the_database_is_down_stays_on_the_page_and_is_saved_when_it_is_back()
    {
        await using var ui = await browser.OpenAsync(hub.Address);
        var page = ui.Page;
        await ui.SignInAsync(hub.AdminKey, "/editor");
        await ui.NewCustomDraftAsync("Outage draft " + Guid.NewGuid().ToString("N")[..8]);

        await hub.Server.KillAsync();
        try
        {
            await page.GetByLabel("Author").SetAsync("Typed during the outage");
            var alert = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Your latest changes are not saved yet" });
            await alert.WaitForAsync();
            (await alert.InnerTextAsync()).ShouldContain("The hub's PostgreSQL database is unavailable");
            await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Not saved yet" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel("Author")).ToHaveValueAsync("Typed during the outage");
            await ui.ScreenshotAsync("editor-save-fault");
        }
        finally
        {
            await hub.Server.StartAgainAsync();
        }

        // Tried again every few seconds: saved once the server is back, and kept across a reload.
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = EditorSteps.SavedAt() })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "not saved yet" })).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await ui.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByLabel("Author")).ToHaveValueAsync("Typed during the outage");
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>Clicks "Try again" until the page shows its own heading again.</summary>
    private static async Task TryAgainUntilAsync(UiPage ui, string heading)
    {
        var page = ui.Page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true });
        for (var attempt = 0; attempt < 10 && !await page.IsVisibleAsync(); attempt++)
        {
            await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }

        await page.WaitForAsync();
    }
}
