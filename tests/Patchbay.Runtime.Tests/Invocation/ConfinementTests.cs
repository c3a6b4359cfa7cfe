using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Invocation;

public sealed class ConfinementTests(RuntimeFixture fixture) : IClassFixture<RuntimeFixture>
{
    private ConnectorRuntime Runtime => fixture.Runtime;

    [Fact]
    public async Task ConnectorCode_RunsInAnotherProcess()
    {
        var connector = new TestConnector().Invoke("pid", "callback(RESPONSE({ pid: process.pid }, null, 200));").Build();

        var result = await Runtime.RunAsync(connector, "pid");

        result.Output()!["pid"]!.GetValue<int>().ShouldNotBe(Environment.ProcessId);
    }

    [Fact]
    public async Task ConnectorCode_CannotReadOutsideItsFolder()
    {
        var connector = new TestConnector().Invoke("peek", """
            var fs = require('fs');
            var outcome = {};
            try { fs.readFileSync('/etc/passwd'); outcome.passwd = 'read'; } catch (e) { outcome.passwd = e.code; }
            try { fs.readFileSync(require('path').join(__dirname, '..', 'actions.js')); outcome.own = 'read'; } catch (e) { outcome.own = e.code; }
            try { require('child_process').execSync('true'); outcome.child = 'ran'; } catch (e) { outcome.child = e.code; }
            try { fs.writeFileSync(require('path').join(__dirname, 'x.txt'), 'x'); outcome.write = 'wrote'; } catch (e) { outcome.write = e.code; }
            try { fs.writeFileSync(require('path').join(require('os').tmpdir(), 'x.txt'), 'x'); outcome.tmp = 'wrote'; } catch (e) { outcome.tmp = e.code; }
            callback(RESPONSE(outcome, null, 200));
            """).Build();

        var result = await Runtime.RunAsync(connector, "peek");

        result.Output()!.ToJsonString().ShouldBe("""{"passwd":"ERR_ACCESS_DENIED","own":"read","child":"ERR_ACCESS_DENIED","write":"ERR_ACCESS_DENIED","tmp":"wrote"}""");
    }

    [Fact]
    public async Task ConnectorCode_SeesNoHostEnvironment()
    {
        Environment.SetEnvironmentVariable("PATCHBAY_TEST_HOST_SECRET", "s3cret");
        var connector = new TestConnector().Invoke("env", "callback(RESPONSE({ keys: Object.keys(process.env).sort().join(','), secret: process.env.PATCHBAY_TEST_HOST_SECRET || null }, null, 200));").Build();

        var result = await Runtime.RunAsync(connector, "env");

        result.Output()!["secret"].ShouldBeNull();
        result.Output()!["keys"]!.GetValue<string>().ShouldBe("HOME,LANG,NODE_ENV,PATH,TMPDIR");
    }

    [Fact]
    public async Task ConnectorCode_CanSignalOnlyItsOwnWorker()
    {
        var connector = new TestConnector().Invoke("signal", """
            var outcome = {};
            [['parent', process.ppid], ['group', 0], ['everyone', -1], ['self', process.pid]].forEach(function (target) {
              try { process.kill(target[1], 0); outcome[target[0]] = 'sent'; } catch (e) { outcome[target[0]] = e.code; }
            });
            callback(RESPONSE(outcome, null, 200));
            """).Build();

        var result = await Runtime.RunAsync(connector, "signal");

        result.Output()!.ToJsonString().ShouldBe("""{"parent":"ERR_ACCESS_DENIED","group":"ERR_ACCESS_DENIED","everyone":"ERR_ACCESS_DENIED","self":"sent"}""");
    }

    [Fact]
    public async Task ConnectorCode_CannotAllocateWithoutBoundOutsideTheHeap()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "RLIMIT_DATA is Linux's.");
        var connector = new TestConnector().Invoke("buffers", """
            var keep = [];
            try { for (var i = 0; i < 256; i++) { keep.push(Buffer.allocUnsafeSlow(64 * 1024 * 1024)); } } catch (e) { }
            callback(RESPONSE({ mebibytes: keep.length * 64 }, null, 200));
            """).Build();

        var result = await Runtime.RunAsync(connector, "buffers");

        result.Output()!["mebibytes"]!.GetValue<int>().ShouldBeLessThanOrEqualTo(new RuntimeOptions().MemoryLimitMegabytes + 512);
    }

    [Fact]
    public async Task CredentialDomains_NeverShareModuleState()
    {
        var connector = new TestConnector().Invoke("remember", """
            leaked = (typeof leaked === 'undefined') ? globals.authdata.user : leaked;
            callback(RESPONSE({ seen: leaked, pid: process.pid }, null, 200));
            """).Build();

        var first = await Runtime.RunAsync(connector, "remember", edit: r => r with { CredentialDomain = "prod", AuthenticationParameters = new Dictionary<string, string> { ["user"] = "prod-user" } });
        var second = await Runtime.RunAsync(connector, "remember", edit: r => r with { CredentialDomain = "test", AuthenticationParameters = new Dictionary<string, string> { ["user"] = "test-user" } });

        first.Output()!["seen"]!.GetValue<string>().ShouldBe("prod-user");
        second.Output()!["seen"]!.GetValue<string>().ShouldBe("test-user");
        second.Output()!["pid"]!.GetValue<int>().ShouldNotBe(first.Output()!["pid"]!.GetValue<int>());
    }
}
