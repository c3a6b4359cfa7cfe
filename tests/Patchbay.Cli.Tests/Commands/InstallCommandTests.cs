using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Cli.Tests.Support;
using Patchbay.Hub.Connectors;

namespace Patchbay.Cli.Tests.Commands;

[Collection(nameof(HubCommands))]
public sealed class InstallCommandTests(CliHub hub) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Install_SourceFolder_AddsThenReportsUnchangedThenReplaces()
    {
        using var profile = hub.UseProfile(hub.AdminKey);
        var folder = CopySample("petstore", "Petstore CLI");

        var added = await _folder.RunAsync("install", folder, "--profile", CliHub.Profile);
        var again = await _folder.RunAsync("install", folder, "--profile", CliHub.Profile);
        EditDefinition(folder, d => d["version"] = "1.1.0");
        var replaced = await _folder.RunAsync("install", folder, "--profile", CliHub.Profile);

        added.ExitCode.ShouldBe(0, added.ToString());
        added.Output.Trim().ShouldBe("Installed Petstore CLI 1.0.0: added as major version 1.");
        again.Output.Trim().ShouldBe("Unchanged: Petstore CLI 1.0.0 is already installed.");
        replaced.ExitCode.ShouldBe(0, replaced.ToString());
        replaced.Output.Trim().ShouldBe("Installed Petstore CLI 1.1.0: replaced 1.0.0, which stays in the history.");
        (await CurrentVersionAsync("Petstore CLI")).ShouldBe("1.1.0");
    }

    [Fact]
    public async Task Install_Bizc_UploadsThePackedFileToTheHubNamedByHub()
    {
        using var profile = hub.UseProfile(hub.AdminKey);
        var folder = CopySample("github-issues", "GitHub Issues CLI");
        (await _folder.RunAsync("pack", folder, "-o", "issues.bizc")).ExitCode.ShouldBe(0);

        var run = await _folder.RunAsync("install", "issues.bizc", "--hub", hub.Url, "--profile", CliHub.Profile);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.Trim().ShouldBe("Installed GitHub Issues CLI 1.0.0: added as major version 1.");
        (await CurrentVersionAsync("GitHub Issues CLI")).ShouldBe("1.0.0");
    }

    [Fact]
    public async Task Install_InvalidFolder_PrintsTheHubsErrorsWithTheirPlaces()
    {
        using var profile = hub.UseProfile(hub.AdminKey);
        var folder = CopySample("petstore", "Petstore Invalid");
        EditDefinition(folder, d => d["version"] = "one");

        var run = await _folder.RunAsync("install", folder, "--profile", CliHub.Profile);

        run.ExitCode.ShouldBe(ExitCodes.UserError, run.ToString());
        run.Error.ShouldContain("The connector is not valid; nothing was installed. (400 Bad Request)");
        run.Error.ShouldContain("connector.json version: 'one' is not a semantic version");
        (await CurrentVersionAsync("Petstore Invalid")).ShouldBeNull();
    }

    [Fact]
    public async Task Install_WithoutAKeyOrWithAWrongOne_SaysWhatIsMissing()
    {
        var folder = CopySample("petstore", "Petstore Keyless");
        CliRun missing, wrong;
        using (hub.UseProfile(apiKey: null))
        {
            missing = await _folder.RunAsync("install", folder, "--profile", CliHub.Profile);
        }

        using (hub.UseProfile(apiKey: "pb_notakey_0000"))
        {
            wrong = await _folder.RunAsync("install", folder, "--profile", CliHub.Profile);
        }

        missing.ExitCode.ShouldBe(ExitCodes.UserError);
        missing.Error.ShouldContain("No API key for");
        wrong.ExitCode.ShouldBe(ExitCodes.UserError);
        wrong.Error.ShouldContain("401");
        (await CurrentVersionAsync("Petstore Keyless")).ShouldBeNull();
    }

    /// <summary>A copy of a sample under another name (and identity), so tests do not meet each other's connectors.</summary>
    private string CopySample(string sample, string name)
    {
        var target = _folder.Combine(sample);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Samples, sample), "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(Path.Combine(Repository.Samples, sample), file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        EditDefinition(target, d =>
        {
            d["name"] = name;
            d["globalGuid"] = Guid.NewGuid().ToString();
        });
        return target;
    }

    private static void EditDefinition(string folder, Action<JsonObject> edit)
    {
        var path = Path.Combine(folder, "connector.json");
        var definition = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(definition);
        File.WriteAllText(path, definition.ToJsonString());
    }

    private async Task<string?> CurrentVersionAsync(string name)
    {
        await using var scope = hub.Hub.Services.CreateAsyncScope();
        var current = await scope.ServiceProvider.GetRequiredService<ConnectorCatalog>().GetCurrentAsync(name, 1, TestContext.Current.CancellationToken);
        return current?.Version;
    }
}
