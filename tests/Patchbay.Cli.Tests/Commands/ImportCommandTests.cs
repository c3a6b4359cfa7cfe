using System.Text.Json.Nodes;
using Patchbay.Cli.Tests.Support;

namespace Patchbay.Cli.Tests.Commands;

public sealed class ImportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Spec(string file) => Path.Combine(Repository.Root, "tests", "Patchbay.OpenApi.Tests", "Specs", file);

    [Fact]
    public async Task Import_File_WritesTheSourceFolderAndPrintsTheSummary()
    {
        var run = await _folder.RunAsync("import", "openapi", Spec("github.yaml"));

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.Trim().ShouldBe(_folder["git-hub-v3-rest-api"]);
        File.Exists(_folder.Combine("git-hub-v3-rest-api", "connector.json")).ShouldBeTrue();
        run.Error.ShouldContain("Imported 'GitHub v3 REST API' 1.1.4 from OpenAPI 3.0:");
        run.Error.ShouldContain("7 actions: meta-root (GET), meta-get-zen (GET), users-get-authenticated (GET), issues-list-for-repo (GET)");
        run.Error.ShouldContain("base URI: https://api.github.com");
        run.Error.ShouldContain("authentication: bearer");
        run.Error.ShouldContain("11 report items:");
        run.Error.ShouldContain("\n  #/paths/~1zen/get/responses/200/content/text~1plain: not mapped: The response is text/plain");
        run.Error.ShouldContain("GitHub v3 REST API 1.1.4 is valid.");
    }

    [Fact]
    public async Task Import_RelativeServerWithoutBaseUri_WritesTheFolderButExitsOneWithTheHint()
    {
        var run = await _folder.RunAsync("import", "openapi", Spec("petstore3.json"), "--output", "pets");

        run.ExitCode.ShouldBe(1, run.ToString());
        Directory.Exists(_folder["pets"]).ShouldBeTrue();
        run.Error.ShouldContain("#/servers/0/url: not mapped: The server URL '/api/v3' is relative");
        run.Error.ShouldContain("error relative-url-without-base-uri");
        run.Error.ShouldContain("Give the API's address with --base-uri");
    }

    [Fact]
    public async Task Import_WithBaseUriNameAndReport()
    {
        var url = new Uri(Spec("petstore3.json")).AbsoluteUri;

        var run = await _folder.RunAsync("import", "openapi", url, "--base-uri", "https://petstore3.swagger.io/api/v3", "--name", "Pets", "--report", "report.json");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Error.ShouldContain("Imported 'Pets' 1.0.27 from OpenAPI 3.0:");
        run.Error.ShouldContain("authentication: apikey; defaults api_key_name=api_key, api_key_in=header");
        File.Exists(_folder.Combine("pets", "connector.json")).ShouldBeTrue();
        var items = JsonNode.Parse(await File.ReadAllTextAsync(_folder["report.json"], TestContext.Current.CancellationToken))!["items"]!.AsArray();
        items.ShouldContain(i => i!["pointer"]!.GetValue<string>() == "#/components/securitySchemes/petstore_auth/flows/implicit");
    }

    [Fact]
    public async Task Import_MissingFile_IsAUserError()
    {
        var run = await _folder.RunAsync("import", "openapi", "nope.yaml");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("error: 'nope.yaml' does not exist.");
    }

    [Fact]
    public async Task Import_NotADocument_IsAUserErrorNamingWhy()
    {
        _folder.Write("bad.yaml", "openapi: 3.0.0\ninfo:\n  title: [unclosed\n");

        var run = await _folder.RunAsync("import", "openapi", "bad.yaml");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("error: bad.yaml: The document could not be read");
        Directory.EnumerateDirectories(_folder.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_IntoANonEmptyFolder_IsAUserError()
    {
        _folder.Write("taken/file.txt", "x");

        var run = await _folder.RunAsync("import", "openapi", Spec("openweathermap.yaml"), "-o", "taken");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("is not empty");
    }

    [Fact]
    public async Task Import_BadBaseUri_IsAUserError()
    {
        var run = await _folder.RunAsync("import", "openapi", Spec("openweathermap.yaml"), "--base-uri", "ftp://x");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("--base-uri 'ftp://x' is not an absolute http(s) URL.");
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "openapi")]
    public async Task Help_DescribesTheCommand(params string[] command)
    {
        var run = await _folder.RunAsync([.. command, "--help"]);

        run.ExitCode.ShouldBe(0);
        run.Output.ShouldContain($"Usage:\n  {string.Join(' ', ["patchbay", .. command])} ");
        if (command.Length == 2)
        {
            run.Output.ShouldContain("<source>");
            run.Output.ShouldContain("--base-uri");
            run.Output.ShouldContain("--report");
            run.Output.ShouldContain("--name");
            run.Output.ShouldContain("-o, --output");
        }
    }

    [Fact]
    public async Task Import_WithoutSource_IsBadUsage()
    {
        var run = await _folder.RunAsync("import", "openapi");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("error:");
    }
}
