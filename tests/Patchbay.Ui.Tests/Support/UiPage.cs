using Microsoft.Playwright;

namespace Patchbay.Ui.Tests.Support;

/// <summary>A browser page of one test, with its console errors collected and its screenshots named.</summary>
public sealed class UiPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    public UiPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add(error);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Errors the page's scripts logged or threw so far.</summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Signs in with an API key through the sign-in page, then waits for the page to be interactive.</summary>
    public async Task SignInAsync(string apiKey, string path = "/")
    {
        await Page.GotoAsync(path);
        await Page.GetByLabel("API key").FillAsync(apiKey);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with key" }).ClickAsync();
        await WaitUntilInteractiveAsync();
    }

    /// <summary>Signs in with a user account's name and password, then waits for the page to be interactive.</summary>
    public async Task SignInAsUserAsync(string name, string password, string path = "/")
    {
        await Page.GotoAsync(path);
        await Page.GetByLabel("User name").FillAsync(name);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with account" }).ClickAsync();
        await WaitUntilInteractiveAsync();
    }

    /// <summary>Waits until the page runs on its circuit: before that, the prerendered HTML shows but does not react.</summary>
    public async Task WaitUntilInteractiveAsync() =>
        await Page.Locator("[data-testid=circuit][data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Saves a full-page screenshot as artifacts/screenshots/&lt;name&gt;.png.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(BrowserFixture.ScreenshotFolder);
        await Page.EvaluateAsync("window.scrollTo(0, 0)"); // else the fixed app bar lands mid-page in a full-page shot
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
