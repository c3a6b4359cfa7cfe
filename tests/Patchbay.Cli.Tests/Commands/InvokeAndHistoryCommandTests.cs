using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Cli.Tests.Support;
using Patchbay.Core.Model;
using Patchbay.Hub;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Security;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Cli.Tests.Commands;

/// <summary>The hub commands read the hub and key from the environment, which is process-wide: these tests run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HubEnvironment
{
    public const string Name = "hub address and API key in the environment";
}

[Collection(HubEnvironment.Name)]
public sealed partial class InvokeAndHistoryCommandTests : IAsyncLifetime
{
    private static readonly string[] Variables = ["PATCHBAY_HUB", "PATCHBAY_API_KEY", "PATCHBAY_PROFILES"];
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    private readonly string _connector = "Cli " + Guid.NewGuid().ToString("N")[..8];
    private HubApp? _hub;

    public async ValueTask InitializeAsync()
    {
        var adminKey = ApiKeys.Generate().Key;
        _hub = await HubApp.StartAsync(new HubOptions { Urls = "http://127.0.0.1:0", DataFolder = _folder["data"], AdminKey = adminKey, RateLimitPerSecond = 0 }, _ => { }, TestContext.Current.CancellationToken);
        var package = new TestConnector { Name = _connector }
            .Invoke("greet", "callback(RESPONSE({ text: 'Hello ' + data.inputs.input.who }, null, 200));", inputs: [new DataNode { Name = "who", Type = DataType.String }], outputs: [new DataNode { Name = "text", Type = DataType.String }])
            .Invoke("fail", "callback(RESPONSE(null, { error: 'NOPE', message: 'refused by the remote' }, 500));")
            .Build();
        await using (var scope = _hub.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConnectorCatalog>().InstallAsync(package, new Caller(Guid.NewGuid(), "test", Roles.Admin, null), TestContext.Current.CancellationToken);
        }

        Environment.SetEnvironmentVariable("PATCHBAY_HUB", _hub.Addresses[0].ToString());
        Environment.SetEnvironmentVariable("PATCHBAY_API_KEY", adminKey);
        Environment.SetEnvironmentVariable("PATCHBAY_PROFILES", _folder["no-profiles.json"]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task Invoke_prints_the_envelope_and_history_lists_and_shows_it()
    {
        var run = await _folder.RunAsync("invoke", _connector, "greet", "--env", "Test", "-i", """{"who":"Ada"}""");

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        JsonNode.Parse(run.Output)!["response"]!["outputs"]!["output"]!["text"]!.ToString().ShouldBe("Hello Ada");
        var id = InvocationId().Match(run.Error).Groups["id"].Value;
        id.ShouldNotBeEmpty(run.ToString());

        var list = await _folder.RunAsync("history", "--connector", _connector, "--since", "1h");
        list.ExitCode.ShouldBe(ExitCodes.Success, list.ToString());
        list.Output.ShouldContain("CONNECTOR");
        list.Output.Split('\n').ShouldContain(l => l.Contains(id) && l.Contains("greet") && l.Contains("succeeded") && l.Contains("Test"));

        var json = await _folder.RunAsync("history", "--connector", _connector, "--status", "succeeded", "--json");
        JsonNode.Parse(json.Output)!["total"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);

        var show = await _folder.RunAsync("history", "show", id);
        show.ExitCode.ShouldBe(ExitCodes.Success, show.ToString());
        var detail = JsonNode.Parse(show.Output)!;
        detail["inputs"]!["who"]!.ToString().ShouldBe("Ada");
        detail["connector"]!.ToString().ShouldBe(_connector);
    }

    [Fact]
    public async Task Invoke_async_with_wait_prints_the_job_id_and_the_result()
    {
        var run = await _folder.RunAsync("invoke", _connector, "greet", "--env", "Test", "-i", """{"who":"Bo"}""", "--async", "--wait", "--attempts", "2", "--backoff", "0");

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        var lines = run.Output.Split('\n', 2);
        Guid.TryParse(lines[0].Trim(), out _).ShouldBeTrue(run.ToString());
        JsonNode.Parse(lines[1])!["response"]!["outputs"]!["output"]!["text"]!.ToString().ShouldBe("Hello Bo");
        run.Error.ShouldContain("succeeded after 1 attempt");
    }

    [Fact]
    public async Task A_failed_invocation_exits_1_and_a_repeat_with_the_same_key_is_not_run_again()
    {
        var first = await _folder.RunAsync("invoke", _connector, "fail", "--env", "Test", "--idempotency-key", "cli-1");
        var second = await _folder.RunAsync("invoke", _connector, "fail", "--env", "Test", "--idempotency-key", "cli-1");

        first.ExitCode.ShouldBe(ExitCodes.UserError, first.ToString());
        first.Output.ShouldContain("refused by the remote");
        second.ExitCode.ShouldBe(ExitCodes.UserError);
        InvocationId().Match(second.Error).Groups["id"].Value.ShouldBe(InvocationId().Match(first.Error).Groups["id"].Value);
    }

    [Fact]
    public async Task Refusals_and_bad_options_are_clear_errors()
    {
        var unknown = await _folder.RunAsync("invoke", "No Such Connector", "greet", "--env", "Test");
        unknown.ExitCode.ShouldBe(ExitCodes.UserError);
        unknown.Error.ShouldContain("No connector 'No Such Connector'");

        var waitWithoutAsync = await _folder.RunAsync("invoke", _connector, "greet", "--env", "Test", "--wait");
        waitWithoutAsync.ExitCode.ShouldBe(ExitCodes.UserError);
        waitWithoutAsync.Error.ShouldContain("--async");

        var since = await _folder.RunAsync("history", "--since", "last tuesday");
        since.ExitCode.ShouldBe(ExitCodes.UserError);
        since.Error.ShouldContain("--since");

        var noEnv = await _folder.RunAsync("invoke", _connector, "greet");
        noEnv.ExitCode.ShouldBe(ExitCodes.Usage);
    }

    [GeneratedRegex("invocation (?<id>[0-9a-f-]{36})")]
    private static partial Regex InvocationId();
}
