using Microsoft.AspNetCore.Http;
using Patchbay.OpenApi.Tests.Support;

namespace Patchbay.OpenApi.Tests.Source;

public sealed class OpenApiSourceTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task File_ByPathRelativeToTheWorkingFolder()
    {
        var (text, location) = await OpenApiSource.LoadAsync(Path.Combine("Specs", Specs.GitHub), AppContext.BaseDirectory, _http, OpenApiSource.DefaultMaxBytes, Timeout, TestContext.Current.CancellationToken);

        text.ShouldBe(Specs.Text(Specs.GitHub));
        location.IsFile.ShouldBeTrue();
    }

    [Fact]
    public async Task File_ByFileUrl()
    {
        var url = new Uri(Specs.PathOf(Specs.Stripe)).AbsoluteUri;

        var (text, _) = await OpenApiSource.LoadAsync(url, "/", _http, OpenApiSource.DefaultMaxBytes, Timeout, TestContext.Current.CancellationToken);

        text.ShouldBe(Specs.Text(Specs.Stripe));
    }

    [Fact]
    public async Task MissingFile_IsASourceError()
    {
        var error = await Should.ThrowAsync<OpenApiSourceException>(() => OpenApiSource.LoadAsync("nope.yaml", AppContext.BaseDirectory, _http, OpenApiSource.DefaultMaxBytes, Timeout, TestContext.Current.CancellationToken));

        error.Message.ShouldBe("'nope.yaml' does not exist.");
    }

    [Fact]
    public async Task FileOverTheLimit_IsASourceError()
    {
        var error = await Should.ThrowAsync<OpenApiSourceException>(() => OpenApiSource.LoadAsync(Specs.PathOf(Specs.GitHub), "/", _http, 100, Timeout, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("larger than 100 bytes");
    }

    [Fact]
    public async Task Url_IsDownloaded_AndItsRelativeServerResolvesAgainstIt()
    {
        await using var api = await LoopbackApi.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Specs.Text(Specs.Petstore3));
        });

        var (text, location) = await OpenApiSource.LoadAsync(api.Url + "/api/v3/openapi.json", "/", _http, OpenApiSource.DefaultMaxBytes, Timeout, TestContext.Current.CancellationToken);
        var result = OpenApiImporter.Import(text, new OpenApiImportOptions { DocumentLocation = location });

        result.Package.ShouldNotBeNull().Definition.BaseUri.ShouldBe(api.Url + "/api/v3");
    }

    [Fact]
    public async Task UrlAnsweringAnError_IsASourceError()
    {
        await using var api = await LoopbackApi.JsonAsync("{}", status: 404);

        var error = await Should.ThrowAsync<OpenApiSourceException>(() => OpenApiSource.LoadAsync(api.Url + "/missing.yaml", "/", _http, OpenApiSource.DefaultMaxBytes, Timeout, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("answered 404");
    }

    [Fact]
    public async Task UrlOverTheLimit_StopsReading()
    {
        await using var api = await LoopbackApi.StartAsync(async context =>
        {
            // No Content-Length: the limit must hold while streaming.
            for (var i = 0; i < 100; i++)
            {
                await context.Response.WriteAsync(new string('x', 1000));
                await context.Response.Body.FlushAsync();
            }
        });

        var error = await Should.ThrowAsync<OpenApiSourceException>(() => OpenApiSource.LoadAsync(api.Url + "/big.yaml", "/", _http, 10_000, Timeout, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("larger than 10,000 bytes");
    }

    [Fact]
    public async Task UrlThatNeverAnswers_TimesOut()
    {
        using var release = new CancellationTokenSource();
        await using var api = await LoopbackApi.StartAsync(context => Task.Delay(Timeout, release.Token).ContinueWith(_ => { }, TaskScheduler.Default));

        var error = await Should.ThrowAsync<OpenApiSourceException>(() => OpenApiSource.LoadAsync(api.Url + "/slow.yaml", "/", _http, OpenApiSource.DefaultMaxBytes, TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken));

        error.Message.ShouldContain("did not answer within");
        await release.CancelAsync();
    }
}
