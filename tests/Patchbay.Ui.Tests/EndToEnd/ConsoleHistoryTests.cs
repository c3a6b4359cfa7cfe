using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Runtime.Tests.Support;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>The history, an invocation's details, the dashboard and the audit log, after a connector ran a few times.</summary>
public sealed class ConsoleHistoryTests(UiHub hub, Browser browser)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operator_finds_an_invocation_its_details_the_dashboard_numbers_and_the_install_in_the_audit_log()
    {
        var name = "History " + Guid.NewGuid().ToString("N")[..8];
        await InstallAsync(name);
        await InvokeAsync(name, "fetch");
        await InvokeAsync(name, "fetch");
        await InvokeAsync(name, "fail");
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/history");

        await ui.Page.GetByLabel("Connector").FillAsync(name);
        await ui.Page.GetByLabel("Connector").PressAsync("Enter");
        await Assertions.Expect(ui.Page).ToHaveURLAsync(new Regex(@"/history\?connector=History"));
        await ui.Page.GetByTestId("history-total").GetByText("3 invocations").WaitForAsync();
        await ui.Page.GotoAsync($"/history?connector={Uri.EscapeDataString(name)}&status=failed"); // a shared link
        await ui.WaitUntilInteractiveAsync();
        await ui.Page.GetByTestId("history-total").GetByText("1 invocation").WaitForAsync();
        (await ui.Page.GetByRole(AriaRole.Table).InnerTextAsync()).ShouldContain("fail");
        await ui.ScreenshotAsync("console-history");

        await ui.Page.GotoAsync($"/history?connector={Uri.EscapeDataString(name)}&action=fetch");
        await ui.WaitUntilInteractiveAsync();
        await ui.Page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Details of ") }).First.ClickAsync();
        await ui.Page.GetByRole(AriaRole.Heading, new() { Name = $"{name} · fetch" }).WaitForAsync();
        await ui.Page.GetByText("fetching the hub's health").WaitForAsync();
        (await ui.Page.GetByRole(AriaRole.List, new() { Name = "HTTP calls timeline" }).InnerTextAsync()).ShouldContain("GET " + hub.Address + "health/live");
        await ui.Page.GetByTestId("timeline-note").WaitForAsync();
        await ui.ScreenshotAsync("console-invocation-detail");

        await ui.Page.GotoAsync("/dashboard");
        await ui.WaitUntilInteractiveAsync();
        var row = ui.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        (await row.InnerTextAsync()).ShouldContain("67%");
        (await row.InnerTextAsync()).ShouldContain("\t3\t");
        (await ui.Page.Locator("figure svg").CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
        await ui.ScreenshotAsync("console-dashboard");

        await ui.Page.GotoAsync("/audit");
        await ui.WaitUntilInteractiveAsync();
        await ui.Page.GetByLabel("Target").FillAsync(name);
        await ui.Page.GetByLabel("Target").PressAsync("Enter");
        await Assertions.Expect(ui.Page).ToHaveURLAsync(new Regex(@"/audit\?target=History"));
        await ui.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = name }).Filter(new() { HasText = "connector.install" }).WaitForAsync();
        await ui.ScreenshotAsync("console-audit");
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>Uploads a .bizc, with logging on in Test, whose "fetch" logs and GETs the hub's liveness endpoint and whose "fail" fails by design.</summary>
    private async Task InstallAsync(string name)
    {
        var package = new TestConnector { Name = name }
            .Invoke("fetch", """
                LOG.info('fetching the hub\'s health');
                require('http').get(data.inputs.input.url, function (res) { res.resume(); res.on('end', function () { callback(RESPONSE({ status: res.statusCode }, null, 200)); }); });
                """, inputs: [new DataNode { Name = "url", Type = DataType.String, IsRequired = true }])
            .Invoke("fail", "LOG.error('failing on purpose'); callback(RESPONSE(null, { error: 'E1', message: 'failed on purpose', status: 500 }, 500));")
            .Build();
        using var content = new ByteArrayContent(BizcWriter.ToBytes(package));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var response = await hub.Admin.PostAsync(new Uri("/api/v1/connectors", UriKind.Relative), content, Cancel);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Cancel));
        var config = new Uri($"/api/v1/connectors/{Uri.EscapeDataString(name)}/versions/1/environments/Test/config", UriKind.Relative);
        var logging = await hub.Admin.PutAsJsonAsync(config, new { loggingEnabled = true }, Cancel); // LOG writes nothing unless enabled, as in Bizagi
        logging.IsSuccessStatusCode.ShouldBeTrue(await logging.Content.ReadAsStringAsync(Cancel));
    }

    private async Task InvokeAsync(string name, string action)
    {
        var uri = new Uri($"/api/v1/connectors/{Uri.EscapeDataString(name)}/versions/1/actions/{action}/invoke", UriKind.Relative);
        var response = await hub.Admin.PostAsJsonAsync(uri, new { environment = "Test", inputs = new { url = hub.Address + "health/live" } }, Cancel);
        ((int)response.StatusCode).ShouldNotBeInRange(400, 499, await response.Content.ReadAsStringAsync(Cancel)); // failing by design is not a bad request
    }
}
