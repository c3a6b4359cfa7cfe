using Patchbay.Cli.Tests.Support;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Source;

namespace Patchbay.Cli.Tests.Commands;

public sealed class SchemaCommandTests : IDisposable
{
    private const string Sample = """
        { "id": 42, "price": 9.5, "created": "2024-05-01T10:20:30Z", "tags": ["a", "b"],
          "owner": { "login": "jane", "admin": true } }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Infer_Sample_PrintsTheTree()
    {
        await File.WriteAllTextAsync(_folder["sample.json"], Sample, TestContext.Current.CancellationToken);

        var run = await _folder.RunAsync("schema", "infer", "sample.json");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.ShouldContain("\"id\": \"Integer\"");
        run.Output.ShouldContain("\"price\": \"Decimal\"");
        run.Output.ShouldContain("\"created\": \"Date\"");
        run.Output.ShouldContain("\"tags\": \"[String]\"");
        run.Output.ShouldContain("\"admin\": \"Boolean\"");
    }

    [Fact]
    public async Task Infer_IntoAction_ReplacesThatTree()
    {
        await File.WriteAllTextAsync(_folder["sample.json"], Sample, TestContext.Current.CancellationToken);
        await _folder.RunAsync("new", "Shop");

        var run = await _folder.RunAsync("schema", "infer", "sample.json", "--connector", "shop", "--action", "say-hello", "--tree", "output");

        run.ExitCode.ShouldBe(0, run.ToString());
        var action = SourceFolder.Read(_folder["shop"], PackageLimits.Default).Package!.Definition.Actions[0];
        action.Outputs.Select(o => o.Name).ShouldBe(["id", "price", "created", "tags", "owner"]);
        action.Outputs[4].Children.ShouldBe([DataNode.Leaf("login", DataType.String), DataNode.Leaf("admin", DataType.Boolean)]);
        action.Inputs.ShouldHaveSingleItem().Name.ShouldBe("name");
    }

    [Fact]
    public async Task Infer_BrokenJson_IsAUserErrorWithTheLine()
    {
        await File.WriteAllTextAsync(_folder["bad.json"], "{\n \"a\": 1,\n oops }", TestContext.Current.CancellationToken);

        var run = await _folder.RunAsync("schema", "infer", "bad.json");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("line 3");
    }

    [Fact]
    public async Task Infer_UnknownAction_IsAUserError()
    {
        await File.WriteAllTextAsync(_folder["sample.json"], Sample, TestContext.Current.CancellationToken);
        await _folder.RunAsync("new", "Shop");

        var run = await _folder.RunAsync("schema", "infer", "sample.json", "--connector", "shop", "--action", "nope");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("no action named 'nope'");
    }
}
