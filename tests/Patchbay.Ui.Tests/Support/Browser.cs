using Microsoft.Playwright;

namespace Patchbay.Ui.Tests.Support;

/// <summary>
/// Headless Chromium, the browser of every end-to-end test: Debian's <c>chromium</c> (installed by .ci/run);
/// <c>PATCHBAY_CHROMIUM</c> names another executable.
/// </summary>
public sealed class Browser : BrowserFixture
{
    public static string Executable => Environment.GetEnvironmentVariable("PATCHBAY_CHROMIUM") ?? "/usr/bin/chromium";

    protected override async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        File.Exists(Executable).ShouldBeTrue($"No Chromium at {Executable}: install Debian's chromium (.ci/run does) or set PATCHBAY_CHROMIUM.");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Executable, Headless = true });
    }
}
