using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Node;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Invocation;

public sealed class StartupTests(RuntimeFixture fixture) : IClassFixture<RuntimeFixture>
{
    [Fact]
    public async Task Create_NodeMissing_FailsAtStartWithWhatToDo()
    {
        var error = await Should.ThrowAsync<NodeUnavailableException>(() =>
            ConnectorRuntime.CreateAsync(fixture.Options with { NodePath = "/nonexistent/node" }, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("Install Node.js 20 or newer");
    }

    [Fact]
    public async Task Create_NodeTooOld_FailsAtStart()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "a shell script stands in for an old node");
        var folder = Directory.CreateTempSubdirectory("patchbay-old-node-").FullName;
        var fake = Path.Combine(folder, "node");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\necho v18.19.0\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        var error = await Should.ThrowAsync<NodeUnavailableException>(() =>
            ConnectorRuntime.CreateAsync(fixture.Options with { NodePath = fake }, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("v18.19.0");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ChildProcesses_RunWhenTheOperatorAllowsThem()
    {
        await using var runtime = await ConnectorRuntime.CreateAsync(fixture.Options with { AllowChildProcesses = true }, TestContext.Current.CancellationToken);
        var connector = new TestConnector().Invoke("spawn", "callback(RESPONSE({ out: require('child_process').execSync('echo hi').toString().trim() }, null, 200));").Build();

        var result = await runtime.RunAsync(connector, "spawn");

        result.Output()!.ToJsonString().ShouldBe("""{"out":"hi"}""");
    }

    [Fact]
    public async Task DiagnosticLog_RecordsWorkerStartsAndSecondCallbacks()
    {
        var log = new CollectingLoggerFactory();
        await using var runtime = await ConnectorRuntime.CreateAsync(fixture.Options, TimeProvider.System, log, TestContext.Current.CancellationToken);
        var connector = new TestConnector().Invoke("twice", "callback(RESPONSE({}, null, 200)); callback(RESPONSE({}, null, 200));").Build();

        await runtime.RunAsync(connector, "twice");
        for (var i = 0; i < 50 && !log.Messages.Any(m => m.Message.Contains("more than once", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken); // stderr arrives on its own stream, shortly after the reply
        }

        log.Messages.ShouldContain(m => m.Level == Microsoft.Extensions.Logging.LogLevel.Information && m.Message.StartsWith("Started worker", StringComparison.Ordinal));
        log.Messages.ShouldContain(m => m.Level == Microsoft.Extensions.Logging.LogLevel.Warning && m.Message.Contains("(twice) called back more than once", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DiagnosticLog_MasksSecretsTheWorkerWritesToStderr()
    {
        var log = new CollectingLoggerFactory();
        await using var runtime = await ConnectorRuntime.CreateAsync(fixture.Options, TimeProvider.System, log, TestContext.Current.CancellationToken);
        var connector = new TestConnector()
            .Auth("callback(RESPONSE({}, null, 200));", new ConnectorParameter { Name = "TOKEN", PasswordMode = true })
            .Invoke("leak", "process.stderr.write('leaked ' + globals.authdata.TOKEN + '\\n'); callback(RESPONSE({}, null, 200));")
            .Build();

        await runtime.RunAsync(connector, "leak", edit: r => r with { AuthenticationParameters = new Dictionary<string, string> { ["TOKEN"] = "s3cr3t-7f1e" } });
        for (var i = 0; i < 50 && !log.Messages.Any(m => m.Message.Contains("leaked", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken); // stderr arrives on its own stream, shortly after the reply
        }

        log.Messages.ShouldContain(m => m.Message.Contains("leaked ********", StringComparison.Ordinal));
        log.Messages.ShouldNotContain(m => m.Message.Contains("s3cr3t-7f1e", StringComparison.Ordinal));
    }
}
