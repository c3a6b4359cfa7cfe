using System.Diagnostics;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Invocation;

public sealed class FaultTests(RuntimeFixture fixture) : IClassFixture<RuntimeFixture>
{
    private ConnectorRuntime Runtime => fixture.Runtime;

    [Fact]
    public async Task Invoke_NoCallback_TimesOutAndTheWorkerStays()
    {
        var connector = FaultyConnector();
        var before = await PidAsync(connector);

        var result = await Runtime.RunAsync(connector, "silent", edit: r => r with { Timeout = TimeSpan.FromMilliseconds(300) });

        result.Outcome.ShouldBe(InvocationOutcome.Timeout);
        result.StatusCode().ShouldBe(-408);
        result.FailureMessage.ShouldBe("The action 'silent' did not answer within 300 ms.");
        (await PidAsync(connector)).ShouldBe(before);
    }

    [Fact]
    public async Task Invoke_BusyLoop_TimesOutAndTheWorkerIsReplaced()
    {
        var connector = FaultyConnector();
        var before = await PidAsync(connector);

        var result = await Runtime.RunAsync(connector, "spin", edit: r => r with { Timeout = TimeSpan.FromMilliseconds(300) });

        result.Outcome.ShouldBe(InvocationOutcome.Timeout);
        result.FailureMessage!.ShouldContain("unresponsive");
        var after = await PidAsync(connector);
        after.ShouldNotBe(before);
        ProcessIsGone(before).ShouldBeTrue();
    }

    [Fact]
    public async Task Invoke_ProcessExit_FailsAsCrashedAndTheNextCallWorks()
    {
        var connector = FaultyConnector();

        var result = await Runtime.RunAsync(connector, "exit");

        result.Outcome.ShouldBe(InvocationOutcome.WorkerCrashed);
        result.StatusCode().ShouldBe(-502);
        result.FailureMessage.ShouldBe("The connector's worker stopped: it exited with code 3.");
        (await Runtime.RunAsync(connector, "ok")).Outcome.ShouldBe(InvocationOutcome.Succeeded);
    }

    [Fact]
    public async Task Invoke_UncaughtAsyncException_FailsAsCrashedWithItsMessage()
    {
        var connector = FaultyConnector();

        var result = await Runtime.RunAsync(connector, "late-throw");

        result.Outcome.ShouldBe(InvocationOutcome.WorkerCrashed);
        result.FailureMessage!.ShouldContain("uncaught exception");
        result.FailureMessage!.ShouldContain("late failure");
        (await Runtime.RunAsync(connector, "ok")).Outcome.ShouldBe(InvocationOutcome.Succeeded);
    }

    [Fact]
    public async Task Invoke_OutOfMemory_FailsAsCrashedAndSaysSo()
    {
        await using var runtime = await ConnectorRuntime.CreateAsync(fixture.Options with { MemoryLimitMegabytes = 64 }, TestContext.Current.CancellationToken);
        var connector = FaultyConnector();

        var result = await runtime.RunAsync(connector, "hog");

        result.Outcome.ShouldBe(InvocationOutcome.WorkerCrashed);
        result.FailureMessage!.ShouldContain("ran out of memory");
        (await runtime.RunAsync(connector, "ok")).Outcome.ShouldBe(InvocationOutcome.Succeeded);
    }

    [Fact]
    public async Task Invoke_HundredConcurrentWithHangsAndCrashes_EveryOneIsAnswered()
    {
        var connector = FaultyConnector();
        string[] actions = ["ok", "ok", "ok", "silent", "ok", "exit", "ok", "late-throw", "ok", "spin"];

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Runtime.RunAsync(connector, actions[i % actions.Length], edit: r => r with { Timeout = TimeSpan.FromSeconds(3) })));

        results.Length.ShouldBe(100);
        results.ShouldAllBe(r => r.Envelope["connectorstatuscode"] != null);
        results.Count(r => r.Outcome == InvocationOutcome.Succeeded).ShouldBeGreaterThan(0);
        results.Where(r => r.Outcome != InvocationOutcome.Succeeded).ShouldAllBe(r => r.FailureMessage != null);
        (await Runtime.RunAsync(connector, "ok")).Outcome.ShouldBe(InvocationOutcome.Succeeded);
    }

    [Fact]
    public async Task ManyCrashes_LeaveNoZombieOrStrayProcess()
    {
        var connector = FaultyConnector();
        for (var i = 0; i < 1000; i++)
        {
            (await Runtime.RunAsync(connector, "exit")).Outcome.ShouldBe(InvocationOutcome.WorkerCrashed);
        }

        (await Runtime.RunAsync(connector, "ok")).Outcome.ShouldBe(InvocationOutcome.Succeeded);
        var children = ChildProcesses();
        children.Count(c => c.State == 'Z').ShouldBe(0);
        children.Count.ShouldBeLessThanOrEqualTo(20); // the live workers of this test class, nothing left over
    }

    /// <summary>This process's children from /proc: (pid, state).</summary>
    private static List<(int Pid, char State)> ChildProcesses()
    {
        var children = new List<(int, char)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == Environment.ProcessId)
                {
                    children.Add((int.Parse(Path.GetFileName(folder), System.Globalization.CultureInfo.InvariantCulture), fields[0][0]));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // not a process folder, or it ended while being read
            }
        }

        return children;
    }

    private async Task<int> PidAsync(Core.Model.ConnectorPackage connector)
    {
        var result = await Runtime.RunAsync(connector, "pid");
        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        return result.Output()!["pid"]!.GetValue<int>();
    }

    private static bool ProcessIsGone(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>One connector with an action per fault; each test gets its own copy, so its own worker.</summary>
    private static Core.Model.ConnectorPackage FaultyConnector() => new TestConnector { Name = "Faulty " + Guid.NewGuid().ToString("N")[..6] }
            .Invoke("ok", "callback(RESPONSE({ ok: true }, null, 200));")
            .Invoke("pid", "callback(RESPONSE({ pid: process.pid }, null, 200));")
            .Invoke("silent", "/* never calls back */")
            .Invoke("spin", "while (true) {}")
            .Invoke("exit", "process.exit(3);")
            .Invoke("late-throw", "setTimeout(function () { throw new Error('late failure'); }, 1);")
            .Invoke("hog", "var keep = []; while (true) { keep.push(new Array(1e6).fill(keep.length)); }")
            .Build();
}
