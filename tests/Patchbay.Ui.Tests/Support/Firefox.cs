using Microsoft.Playwright;

namespace Patchbay.Ui.Tests.Support;

/// <summary>
/// Headless Firefox for the cross-browser tests: Debian's <c>firefox-esr</c> (installed by .ci/run), driven over
/// WebDriver BiDi (Playwright's <c>moz-firefox</c> channel), since Playwright's own Firefox build is not
/// downloadable here. <c>PATCHBAY_FIREFOX</c> names another executable.
/// </summary>
public sealed class Firefox : BrowserFixture
{
    public static string Executable => Environment.GetEnvironmentVariable("PATCHBAY_FIREFOX") ?? "/usr/bin/firefox-esr";

    protected override async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        File.Exists(Executable).ShouldBeTrue($"No Firefox at {Executable}: install Debian's firefox-esr (.ci/run does) or set PATCHBAY_FIREFOX.");
        return await playwright.Firefox.LaunchAsync(new BrowserTypeLaunchOptions { Channel = "moz-firefox", ExecutablePath = Executable, Headless = true });
    }
}
