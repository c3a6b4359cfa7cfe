using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.EndToEnd;

/// <summary>The Connector Editor's Libraries tab: npm packages packed on the hub, listed, removed, and library zips checked.</summary>
/// <remarks>Packing runs the real npm against the public registry, as a person's packing does.</remarks>
public sealed partial class LibrariesPanelTests(UiHub hub, Browser browser)
{
    [Fact]
    public async Task Npm_packages_are_packed_with_progress_listed_with_version_and_licence_kept_and_removed_with_what_only_they_need()
    {
        await using var ui = await browser.OpenAsync(hub.Address);
        var page = await NewDraftAsync(ui);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Libraries" }).ClickAsync();
        await page.GetByTestId("no-libraries").WaitForAsync();

        // dayjs has no dependencies; debug@4 needs ms.
        await page.GetByLabel("npm packages").FillAsync("dayjs debug@4");
        await page.GetByLabel("npm packages").PressAsync("Enter");
        var log = page.GetByRole(AriaRole.Log, new() { Name = "npm output" });
        await Assertions.Expect(log).ToContainTextAsync("npm install dayjs debug@4");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Added" }))
            .ToContainTextAsync("debug@4", new() { Timeout = 180_000 });
        await Assertions.Expect(log).ToContainTextAsync(AddedPackages());
        await Assertions.Expect(log).ToContainTextAsync("Checking");

        var dayjs = Row(page, "dayjs");
        await Assertions.Expect(dayjs.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync(Version());
        await Assertions.Expect(dayjs.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("MIT");
        await Assertions.Expect(Row(page, "ms").GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("debug");
        await ui.ScreenshotAsync("editor-libraries");

        // Saved with the draft: a reload lists them again.
        await page.WaitUntilSavedAsync();
        await page.ReloadAsync();
        await ui.WaitUntilInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Libraries" }).ClickAsync();
        await Row(page, "debug").WaitForAsync();

        // Removing debug takes ms, which only debug needs; dayjs stays.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove library debug" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("ms@");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(Row(page, "debug")).ToHaveCountAsync(0);
        await Assertions.Expect(Row(page, "ms")).ToHaveCountAsync(0);
        await Row(page, "dayjs").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove library dayjs" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await page.GetByTestId("no-libraries").WaitForAsync();
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_npm_package_shows_npm_s_error()
    {
        await using var ui = await browser.OpenAsync(hub.Address);
        var page = await NewDraftAsync(ui);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Libraries" }).ClickAsync();

        var missing = "patchbay-no-such-package-" + Guid.NewGuid().ToString("N")[..12];
        await page.GetByLabel("npm packages").FillAsync(missing);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pack and add" }).ClickAsync();

        var problems = page.GetByRole(AriaRole.List, new() { Name = "Library problems" });
        await Assertions.Expect(problems).ToContainTextAsync("npm install failed", new() { Timeout = 180_000 });
        await Assertions.Expect(problems).ToContainTextAsync("404");
        await page.GetByTestId("no-libraries").WaitForAsync();
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Packing_can_be_cancelled_and_adds_nothing()
    {
        await using var ui = await browser.OpenAsync(hub.Address);
        var page = await NewDraftAsync(ui);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Libraries" }).ClickAsync();

        // aws-sdk v2 is some 10,000 files: npm is still at work when Cancel is pressed.
        await page.GetByLabel("npm packages").FillAsync("aws-sdk@2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pack and add" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Packing was cancelled" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pack and add" })).ToBeEnabledAsync();
        await page.GetByTestId("no-libraries").WaitForAsync();
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_invalid_library_zip_is_rejected_with_each_problem_and_its_entry()
    {
        await using var ui = await browser.OpenAsync(hub.Address);
        var page = await NewDraftAsync(ui);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Libraries" }).ClickAsync();
        var problems = page.GetByRole(AriaRole.List, new() { Name = "Library problems" });

        var escaping = Zip("escaping.zip", ("dayjs/package.json", """{"name":"dayjs","version":"1.0.0"}"""), ("../evil.js", "boom"));
        await page.GetByLabel("Upload library zip").ChooseUntilAsync(
            FileInputs.Payload(escaping), page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "escaping.zip was not added" }));
        await Assertions.Expect(problems).ToContainTextAsync("../evil.js");

        var nested = Zip("nested.zip", ("mylib/dayjs/package.json", """{"name":"dayjs","version":"1.0.0"}"""), ("mylib/dayjs/index.js", ""));
        await page.GetByLabel("Upload library zip").ChooseUntilAsync(
            FileInputs.Payload(nested), page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "nested.zip was not added" }));
        await Assertions.Expect(problems).ToContainTextAsync("nested.zip: mylib/");
        await Assertions.Expect(problems).ToContainTextAsync("intermediate folder");
        await ui.ScreenshotAsync("editor-libraries-rejected");

        await page.GetByTestId("no-libraries").WaitForAsync();
        Directory.Delete(Path.GetDirectoryName(escaping)!, recursive: true);
        Directory.Delete(Path.GetDirectoryName(nested)!, recursive: true);
        ui.ConsoleErrors.ShouldBeEmpty();
    }

    private async Task<IPage> NewDraftAsync(UiPage ui)
    {
        await ui.SignInAsync(hub.AdminKey, "/editor");
        await ui.NewCustomDraftAsync("Libraries E2E " + Guid.NewGuid().ToString("N")[..8]);
        return ui.Page;
    }

    /// <summary>The row whose first cell (the package) is exactly <paramref name="package"/>; other cells may name it too (Needed by).</summary>
    private static ILocator Row(IPage page, string package) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.Locator($"td:first-child:text-is('{package}')") });

    private static string Zip(string name, params (string Path, string Content)[] entries)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write(content);
        }

        return path;
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex Version();

    [GeneratedRegex(@"added \d+ packages?")]
    private static partial Regex AddedPackages();
}
