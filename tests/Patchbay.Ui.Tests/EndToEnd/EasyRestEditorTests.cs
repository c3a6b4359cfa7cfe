using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>An Easy REST connector from an OpenAPI document: imported, its requests edited, installed.</summary>
public sealed class EasyRestEditorTests(UiHub hub, Browser browser)
{
    private static readonly string WeatherApi = Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Specs", "weather-api.yaml");

    [Fact]
    public async Task An_openapi_document_becomes_a_draft_whose_rest_requests_are_edited_and_installed()
    {
        var name = "Weather E2E " + Guid.NewGuid().ToString("N")[..8];
        await using var ui = await browser.OpenAsync(hub.Address);
        await ui.SignInAsync(hub.AdminKey, "/editor");
        var page = ui.Page;
        await page.GetByRole(AriaRole.Heading, new() { Name = "Import OpenAPI" }).WaitForAsync();

        // A document without operations is refused, naming the place.
        await page.GetByLabel("Or paste the document").FillAsync("openapi: 3.0.3\ninfo:\n  title: Empty\n  version: 1.0.0\npaths: {}\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("#/paths: the document has no operations to import.");
        await page.GetByLabel("Or paste the document").FillAsync("");

        // The weather API: a report of what was not mapped, with its JSON pointer, before the draft is opened.
        await page.GetByLabel("OpenAPI document file").ChooseUntilAsync(FileInputs.Payload(WeatherApi), page.GetByText("Using weather-api.yaml"));
        await page.GetByLabel("Name for the connector (optional)").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await page.GetByText($"Imported '{name}' 1.0.0 from OpenAPI 3.0 as a new draft").WaitForAsync();
        var report = page.GetByRole(AriaRole.Region, new() { Name = "Import report" });
        await Assertions.Expect(report.GetByRole(AriaRole.Table)).ToContainTextAsync("#/components/schemas/Forecast/properties/extras");
        await Assertions.Expect(report).ToContainTextAsync("get-forecast GET, create-alert POST");
        await ui.ScreenshotAsync("editor-import-openapi");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the draft" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Connector Editor: {name}" }).WaitForAsync();
        await ui.WaitUntilInteractiveAsync();

        // The imported action: its request, inputs and outputs.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Actions" }).ClickAsync();
        var request = page.GetByRole(AriaRole.Region, new() { Name = "REST request" });
        await Assertions.Expect(request.GetByLabel("URL", new() { Exact = true })).ToHaveValueAsync("/cities/{{cityId}}/forecast");
        await Assertions.Expect(request.GetByLabel("Method")).ToHaveValueAsync("GET");
        await Assertions.Expect(request.GetByLabel("Name of query parameter 1")).ToHaveValueAsync("days");
        await Assertions.Expect(request.GetByLabel("Value of query parameter 1")).ToHaveValueAsync("{{days}}");
        await Assertions.Expect(request.GetByLabel("Name of query parameter 2")).ToHaveValueAsync("units");
        await Assertions.Expect(request.GetByLabel("Also send inputs used by placeholders")).Not.ToBeCheckedAsync();
        await Assertions.Expect(request.GetByTestId("rest-placeholders")).ToContainTextAsync("{{cityId}}, {{days}}, {{units}}");
        await Assertions.Expect(page.GetByLabel("Name of Inputs cityId")).ToHaveValueAsync("cityId");
        await Assertions.Expect(page.GetByLabel("Name of Outputs days.high")).ToHaveValueAsync("high");

        // A misspelt placeholder is shown at the URL and in the validation list, then fixed.
        await request.GetByLabel("URL", new() { Exact = true }).SetAsync("/cities/{{cityy}}/forecast");
        const string problem = "{{cityy}} in the URL is neither an input of 'get-forecast'";
        await request.GetByText(problem).WaitForAsync();
        await page.GetByRole(AriaRole.Region, new() { Name = "Validation" }).GetByText(problem).WaitForAsync();
        await ui.ScreenshotAsync("editor-easy-rest");
        await page.SetViewportSizeAsync(400, 800);
        await ui.ScreenshotAsync("editor-easy-rest-narrow");
        await page.SetViewportSizeAsync(1280, 800);

        // The problem in the list leads back to the action's URL field from anywhere in the editor.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Actions" }).GetByRole(AriaRole.Button, new() { Name = "Create an alert", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "General" }).ClickAsync();
        await page.GetByRole(AriaRole.Region, new() { Name = "Validation" }).GetByText(problem).ClickAsync();
        await request.GetByText(problem).WaitForAsync();
        await Assertions.Expect(request.GetByLabel("URL", new() { Exact = true })).ToBeFocusedAsync();
        await Assertions.Expect(request.GetByLabel("URL", new() { Exact = true })).ToHaveValueAsync("/cities/{{cityy}}/forecast");
        await request.GetByLabel("URL", new() { Exact = true }).SetAsync("/cities/{{cityId}}/forecast");
        await Assertions.Expect(page.GetByText(problem)).ToHaveCountAsync(0);

        // The other action sends its body as JSON; a retry is added to it.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Actions" }).GetByRole(AriaRole.Button, new() { Name = "Create an alert", Exact = true }).ClickAsync();
        await Assertions.Expect(request.GetByLabel("Method")).ToHaveValueAsync("POST");
        await Assertions.Expect(request.GetByLabel("Content type")).ToHaveValueAsync("application/json");
        await Assertions.Expect(page.GetByLabel("Name of Inputs threshold")).ToHaveValueAsync("threshold");
        await request.GetByLabel("Retry on 429, 502, 503, 504 and network failures").CheckAsync();
        await request.GetByLabel("Attempts in all").SetAsync("4");

        // Installed: the hub's API lists it with both actions.
        await page.GetByRole(AriaRole.Button, new() { Name = "Install into the hub" }).ClickAsync();
        await page.GetByText($"Installed {name} 1.0.0").WaitForAsync();
        var connector = await hub.Admin.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/connectors/{Uri.EscapeDataString(name)}", UriKind.Relative), TestContext.Current.CancellationToken);
        connector!["type"]!.GetValue<string>().ShouldBe("easyRest");
        var actions = connector["majors"]![0]!["actions"]!.AsArray();
        actions.Select(a => a!["name"]!.GetValue<string>()).ShouldBe(["get-forecast", "create-alert"]);
        ui.ConsoleErrors.ShouldBeEmpty();
    }
}
