using Microsoft.Playwright;

namespace Patchbay.Ui.Tests.Support;

/// <summary>
/// One headless browser shared by the end-to-end tests that ask for it, driven by Playwright. Each test
/// opens its own context (its own cookies); pages fail their test on any console error.
/// </summary>
public abstract class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where screenshots go: artifacts/screenshots at the repository root, kept by CI.</summary>
    public static string ScreenshotFolder => Path.Combine(RepositoryRoot, "artifacts", "screenshots");

    /// <summary>The folder holding Patchbay.slnx above the test binaries (the binaries' folder if there is none).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Patchbay.slnx")))
            {
                root = root.Parent;
            }

            return root?.FullName ?? AppContext.BaseDirectory;
        }
    }

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchAsync(_playwright);
    }

    /// <summary>Starts the browser this fixture stands for.</summary>
    protected abstract Task<IBrowser> LaunchAsync(IPlaywright playwright);

    /// <summary>A fresh context (its own cookies) at 1280x800 unless told, with a page that records console errors.</summary>
    public async Task<UiPage> OpenAsync(Uri baseAddress, int width = 1280, int height = 800)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new UiPage(context, page);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        GC.SuppressFinalize(this);
    }
}
