using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Tests.Invocations;
using Patchbay.Hub.Tests.Support;
using Patchbay.Runtime.Tests.Support;
using static Patchbay.Hub.Tests.Connectors.ConnectorUploads;

namespace Patchbay.Hub.Tests.Hostile;

/// <summary>
/// Connector code that attacks the hub from inside an action, installed and invoked through a real hub. Each
/// attack is stopped (the runtime's confinement refuses it, or the invocation ends with a clear status), reported
/// (the answer and the history record say why), and the hub and its other connectors go on serving.
/// </summary>
public abstract class HostileActionTests(HubFixture hub) : HubTests(hub)
{
    private const string Denied = "Access to this API has been restricted";

    [Theory]
    [InlineData("another connector's files")]
    [InlineData("another connector's folder")]
    [InlineData("the database")]
    [InlineData("the key ring")]
    [InlineData("the data folder")]
    [InlineData("the hub's environment through /proc")]
    [InlineData("the worker's own environment through /proc")]
    public async Task Reading_outside_the_connector_is_denied(string target)
    {
        var (operation, path) = await TargetAsync(target);

        var (answer, record) = await AttackAsync($"callback(RESPONSE({{ stolen: String(require('fs').{operation}({JsonSerializer.Serialize(path)})) }}, null, 200));");

        ShouldBeDenied(answer, record);
        answer.ToJsonString().ShouldNotContain("stolen\":");
        await Hub.ShouldStillServeAsync();
    }

    [Fact]
    public async Task The_hubs_environment_variables_are_invisible()
    {
        var variable = "PATCHBAY_HOSTILE_SECRET_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var secret = "s3cret-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, secret);
        try
        {
            var (answer, record) = await AttackAsync($"callback(RESPONSE({{ seen: process.env.{variable} || null, all: JSON.stringify(process.env) }}, null, 200));");

            var output = answer["envelope"]!["response"]!["outputs"]!["output"]!;
            output["seen"].ShouldBeNull();
            answer.ToJsonString().ShouldNotContain(secret);
            record.EnvelopeJson!.ShouldNotContain(secret);
            JsonNode.Parse(output["all"]!.GetValue<string>())!.AsObject().Select(p => p.Key).ShouldBe(["HOME", "LANG", "NODE_ENV", "PATH", "TMPDIR"], ignoreOrder: true);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        await Hub.ShouldStillServeAsync();
    }

    [Theory]
    [InlineData("spawn('sh', ['-c', 'echo pwned'])")]
    [InlineData("exec('echo pwned', function () {})")]
    [InlineData("execSync('echo pwned')")]
    [InlineData("execFileSync('/bin/sh', ['-c', 'echo pwned'])")]
    [InlineData("fork('pwned.js')")]
    public async Task Child_processes_are_refused(string call)
    {
        var (answer, record) = await AttackAsync($"require('child_process').{call}; callback(RESPONSE({{ ran: true }}, null, 200));");

        ShouldBeDenied(answer, record);
        await Hub.ShouldStillServeAsync();
    }

    [Theory]
    [InlineData("process.ppid")] // the hub itself
    [InlineData("0")] // the worker's process group
    [InlineData("-1")] // every process the hub's user may signal
    public async Task Signals_to_other_processes_are_refused(string target)
    {
        // Signal 0 only asks whether the process exists: harmless, and refused like any other.
        var (answer, record) = await AttackAsync($"process.kill({target}, 0); callback(RESPONSE({{ signalled: true }}, null, 200));");

        ShouldBeDenied(answer, record);
        await Hub.ShouldStillServeAsync();
    }

    [Fact]
    public async Task A_busy_loop_times_out_and_its_worker_is_replaced()
    {
        var name = await InstallHostileAsync("while (true) {}");
        var config = new Uri($"/api/v1/connectors/{Uri.EscapeDataString(name)}/versions/1/environments/Test/config", UriKind.Relative);
        (await Hub.Admin.PutAsJsonAsync(config, new { timeoutSeconds = 2 }, Cancel)).EnsureSuccessStatusCode();

        var (answer, record) = await InvokeAsync(name, "attack");

        answer["outcome"]!.GetValue<string>().ShouldBe("timeout");
        answer["envelope"]!["connectorstatuscode"]!.GetValue<int>().ShouldBe(-408);
        answer["failureMessage"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        record.Outcome.ShouldBe("Timeout");
        record.StatusCode.ShouldBe(-408);
        var (after, _) = await InvokeAsync(name, "ok");
        after["success"]!.GetValue<bool>().ShouldBeTrue(after.ToJsonString());
        await Hub.ShouldStillServeAsync();
    }

    [Fact]
    public async Task Unbounded_allocation_outside_the_heap_fails_the_invocation()
    {
        // Buffers live outside the V8 heap that --max-old-space-size caps; 16 GiB asked, untouched so cheap if granted.
        var (answer, record) = await AttackAsync("var keep = []; for (var i = 0; i < 256; i++) { keep.push(Buffer.allocUnsafeSlow(64 * 1024 * 1024)); } callback(RESPONSE({ allocatedMiB: keep.length * 64 }, null, 200));");

        answer["success"]!.GetValue<bool>().ShouldBeFalse(answer.ToJsonString());
        answer["failureMessage"]!.GetValue<string>().ShouldContain("Array buffer allocation failed");
        record.ErrorMessage!.ShouldContain("Array buffer allocation failed");
        await Hub.ShouldStillServeAsync();
    }

    [Fact]
    public async Task Unbounded_allocation_on_the_heap_ends_the_worker_not_the_hub()
    {
        var name = await InstallHostileAsync("var keep = []; while (true) { keep.push(new Array(1e6).fill(keep.length)); }");

        var (answer, record) = await InvokeAsync(name, "attack");

        answer["outcome"]!.GetValue<string>().ShouldBe("workerCrashed");
        answer["failureMessage"]!.GetValue<string>().ShouldContain("out of memory");
        record.Outcome.ShouldBe("WorkerCrashed");
        var (after, _) = await InvokeAsync(name, "ok");
        after["success"]!.GetValue<bool>().ShouldBeTrue(after.ToJsonString());
        await Hub.ShouldStillServeAsync();
    }

    private static void ShouldBeDenied(JsonObject answer, Storage.InvocationRecord record)
    {
        answer["success"]!.GetValue<bool>().ShouldBeFalse(answer.ToJsonString());
        answer["envelope"]!["connectorstatuscode"]!.GetValue<int>().ShouldBe(-400);
        answer["failureMessage"]!.GetValue<string>().ShouldContain(Denied);
        record.Success.ShouldBeFalse();
        record.ErrorMessage!.ShouldContain(Denied);
    }

    /// <summary>What a target is read with, and where it is on this hub.</summary>
    private async Task<(string Operation, string Path)> TargetAsync(string target)
    {
        var keyRing = Path.Combine(Hub.DataFolder, "keys");
        return target switch
        {
            "another connector's files" => ("readFileSync", Directory.GetFiles(await VictimFolderAsync(), "*.js", SearchOption.AllDirectories).First()),
            "another connector's folder" => ("readdirSync", await VictimFolderAsync()),
            "the database" => ("readFileSync", Path.Combine(Hub.DataFolder, "patchbay.db")),
            "the key ring" => ("readFileSync", Directory.Exists(keyRing) ? Directory.GetFiles(keyRing).FirstOrDefault() ?? keyRing : keyRing),
            "the data folder" => ("readdirSync", Hub.DataFolder),
            "the hub's environment through /proc" => ("readFileSync", $"/proc/{Environment.ProcessId}/environ"),
            "the worker's own environment through /proc" => ("readFileSync", "/proc/self/environ"),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
        };
    }

    /// <summary>Installs and invokes a well-behaved connector; its folder (connectors/&lt;folder&gt;/&lt;version&gt;-&lt;hash&gt;) is the one the runtime created for it.</summary>
    private async Task<string> VictimFolderAsync()
    {
        var connectors = Path.Combine(Hub.DataFolder, "runtime", "connectors");
        string[] Installed() => Directory.Exists(connectors) ? [.. Directory.GetDirectories(connectors).SelectMany(Directory.GetDirectories)] : [];
        var before = Installed();
        await Hub.ShouldStillServeAsync();
        return Installed().Except(before).Single();
    }

    private async Task<(JsonObject Answer, Storage.InvocationRecord Record)> AttackAsync(string body) =>
        await InvokeAsync(await InstallHostileAsync(body), "attack");

    /// <summary>A connector of its own (so a worker of its own) with the hostile action "attack" and a harmless "ok".</summary>
    private async Task<string> InstallHostileAsync(string attack) =>
        await Hub.InstallAsync(new TestConnector { Name = UniqueName("Hostile") }
            .Invoke("attack", attack)
            .Invoke("ok", "callback(RESPONSE({ ok: true }, null, 200));")
            .Build());

    private async Task<(JsonObject Answer, Storage.InvocationRecord Record)> InvokeAsync(string name, string action)
    {
        var response = await Hub.Admin.PostAsJsonAsync(
            new Uri($"/api/v1/connectors/{Uri.EscapeDataString(name)}/versions/1/actions/{action}/invoke", UriKind.Relative),
            new { environment = "Test", inputs = new { } },
            Cancel);
        var answer = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, answer.ToJsonString());
        var id = Guid.Parse(answer["invocationId"]!.GetValue<string>());
        var record = await Hub.QueryAsync(db => db.Invocations.SingleAsync(i => i.Id == id, Cancel));
        return (answer, record);
    }
}

public sealed class SqliteHostileActionTests(SqliteHub hub) : HostileActionTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresHostileActionTests(PostgresHub hub) : HostileActionTests(hub), IClassFixture<PostgresHub>;
