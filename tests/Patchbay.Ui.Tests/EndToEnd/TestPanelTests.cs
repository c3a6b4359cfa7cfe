using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Runtime.Tests.Support;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>The Connector Editor's Test tab: a draft's action runs on the hub's runtime against a real HTTP API.</summary>
public sealed class TestPanelTests(UiHub hub, Browser browser)
{
    private const string TypedKey = "typed-k3y";
    private const string EnvironmentKey = "environment-k3y";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_draft_action_runs_with_typed_values_then_once_installed_with_an_environments_values()
    {
        await using var api = Loopback.Create();
        api.MapGet("/items/{id}", (string id, HttpRequest request) => Results.Json(new
        {
            id,
            name = "Widget " + id,
            key = request.Headers["X-Api-Key"].ToString() switch { TypedKey => "typed", EnvironmentKey => "environment", _ => "none" },
        }));
        var apiUrl = await Loopback.StartAsync(api);
        var name = Connectors.UniqueName("Test panel");
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/editor");
        var page = ui.Page;

        // A custom connector whose action GETs an item from the API at its baseUrl parameter, opened as a draft.
        await OpenAsDraftAsync(page, name, BizcWriter.ToBytes(Package(name).Build()));
        await ui.WaitUntilInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Test" }).ClickAsync();

        // Typed values: the API answers, the code logged, the call is in the trace.
        var test = page.GetByRole(AriaRole.Region, new() { Name = "Test", Exact = true });
        await test.GetByLabel("Inputs id").FillAsync("7");
        await test.GetByLabel("Connector parameter baseUrl").FillAsync(apiUrl);
        var key = test.GetByLabel("Connector parameter apiKey");
        (await key.GetAttributeAsync("type")).ShouldBe("password");
        await key.FillAsync(TypedKey);
        await test.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        var output = page.GetByRole(AriaRole.Region, new() { Name = "Output" });
        await Assertions.Expect(output).ToContainTextAsync("Widget 7");
        await Assertions.Expect(output).ToContainTextAsync("\"key\": \"typed\"");
        await Assertions.Expect(page.GetByTestId("test-outcome")).ToHaveTextAsync("Succeeded · status 200");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Envelope" })).ToContainTextAsync("\"connectorstatuscode\": 200");
        await Assertions.Expect(page.GetByLabel("Log lines")).ToContainTextAsync($"fetching {apiUrl}/items/7");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "HTTP calls timeline" })).ToContainTextAsync($"GET {apiUrl}/items/7 → 200");
        await ui.ScreenshotAsync("editor-test-panel");

        // The draft as it is now: an invalid version (not saved as valid anywhere) is refused with its problem;
        // what was typed in the tab is still there after a visit to another tab.
        await page.GetByRole(AriaRole.Tab, new() { Name = "General" }).ClickAsync();
        await page.GetByLabel("Version").SetAsync("1.0");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Test" }).ClickAsync();
        await Assertions.Expect(test.GetByLabel("Inputs id")).ToHaveValueAsync("7");
        await Assertions.Expect(output).ToContainTextAsync("Widget 7");
        await test.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("is not a semantic version");
        await page.GetByRole(AriaRole.Tab, new() { Name = "General" }).ClickAsync();
        await page.GetByLabel("Version").SetAsync("1.0.0");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Test" }).ClickAsync();

        // A required input left out: the run fails before any code runs, naming the input.
        await test.GetByLabel("Inputs id").FillAsync("");
        await test.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("test-outcome")).ToContainTextAsync("InvalidInput");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Problems" })).ToContainTextAsync("'id' is required");

        // Installed, with the values set in an environment through the API: "use an environment" runs with them.
        await page.GetByRole(AriaRole.Button, new() { Name = "Install into the hub" }).ClickAsync();
        await page.GetByText($"Installed {name} 1.0.0").WaitForAsync();
        var config = new Uri($"/api/v1/connectors/{Uri.EscapeDataString(name)}/versions/1/environments/Test/config", UriKind.Relative);
        var put = await hub.Admin.PutAsJsonAsync(config, new { connectorParameters = new { baseUrl = apiUrl, apiKey = EnvironmentKey } }, Cancel);
        put.IsSuccessStatusCode.ShouldBeTrue(await put.Content.ReadAsStringAsync(Cancel));
        await test.GetByLabel("Use an environment's values").CheckAsync();
        await test.GetByLabel("Environment", new() { Exact = true }).SelectOptionAsync("Test");
        (await test.GetByLabel("Connector parameter apiKey").CountAsync()).ShouldBe(0);
        await test.GetByLabel("Inputs id").FillAsync("8");
        await test.GetByLabel("Inputs id").PressAsync("Control+Enter");
        await Assertions.Expect(output).ToContainTextAsync("Widget 8");
        await Assertions.Expect(output).ToContainTextAsync("\"key\": \"environment\"");
        (await page.ContentAsync()).ShouldNotContain(EnvironmentKey);

        // On a phone-sized window the tab and its result fit without scrolling sideways.
        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"); // once the layout has followed the resize
        await ui.ScreenshotAsync("editor-test-panel-narrow");
        await page.SetViewportSizeAsync(1280, 800);

        // The run is in the history as a test run, with the environment whose values it used.
        await page.GetByRole(AriaRole.Link, new() { Name = "Open this run in the history" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"{name} · get-item" }).WaitForAsync();
        await Assertions.Expect(page.GetByText("test", new() { Exact = true })).ToBeVisibleAsync();
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>Opens the .bizc as a draft from the editor's home.</summary>
    private static async Task OpenAsDraftAsync(IPage page, string name, byte[] bizc) =>
        await page.GetByLabel("Open .bizc file").ChooseUntilAsync(
            new FilePayload { Name = "items.bizc", MimeType = "application/octet-stream", Buffer = bizc },
            page.GetByRole(AriaRole.Heading, new() { Name = $"Connector Editor: {name}" }));

    /// <summary>Bizagi-style custom code: bz-util's RESPONSE, LOG, and Node's http against the connector's baseUrl.</summary>
    private static TestConnector Package(string name) => new TestConnector { Name = name }
        .Parameters(new ConnectorParameter { Name = "baseUrl", Required = true }, new ConnectorParameter { Name = "apiKey", PasswordMode = true })
        .Invoke(
            "get-item",
            """
            var url = globals.systemproperties.baseUrl + '/items/' + encodeURIComponent(data.inputs.input.id);
            LOG.info('fetching ' + url);
            require('http').get(url, { headers: { 'X-Api-Key': globals.systemproperties.apiKey || '' } }, function (res) {
                var body = '';
                res.on('data', function (chunk) { body += chunk; });
                res.on('end', function () { callback(RESPONSE(JSON.parse(body), null, res.statusCode)); });
            }).on('error', function (e) { callback(RESPONSE(null, { error: 'HTTP', message: e.message, status: 500 }, 500)); });
            """,
            inputs: [new DataNode { Name = "id", Type = DataType.String, IsRequired = true }],
            outputs: [new DataNode { Name = "name", Type = DataType.String }, new DataNode { Name = "key", Type = DataType.String }]);
}
