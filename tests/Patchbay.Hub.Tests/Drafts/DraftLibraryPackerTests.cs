using Microsoft.Extensions.Time.Testing;
using Patchbay.Hub.Drafts;
using Patchbay.Runtime.Libraries;

namespace Patchbay.Hub.Tests.Drafts;

public sealed class DraftLibraryPackerTests
{
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData("../secrets")]
    [InlineData("/etc")]
    [InlineData("file:lib")]
    [InlineData("git+https://example.com/x.git")]
    [InlineData("github:user/repo")]
    [InlineData("alias@npm:dayjs")]
    [InlineData("--registry=http://example.com")]
    public async Task PackAsync_SpecThatIsNoRegistryPackage_RefusedWithoutRunningNpm(string spec)
    {
        var npm = new ScriptedNpm((_, _) => throw new InvalidOperationException("npm must not run"));
        using var packer = new DraftLibraryPacker(npm, _time);

        var result = await packer.PackAsync(Guid.NewGuid(), ["dayjs", spec], null, TestContext.Current.CancellationToken);

        result.IsValid.ShouldBeFalse();
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(DraftLibraryPacker.InvalidSpecCode);
        result.Diagnostics[0].Message.ShouldContain(spec);
    }

    [Fact]
    public async Task PackAsync_NpmInstallsPackages_GivesTheCheckedLibrary()
    {
        var npm = new ScriptedNpm((project, _) =>
        {
            WritePackage(project, "dayjs", """{"version":"1.11.13","license":"MIT"}""");
            return Task.FromResult(new NpmRunResult(0, []));
        });
        using var packer = new DraftLibraryPacker(npm, _time);
        var lines = new List<string>();

        var result = await packer.PackAsync(Guid.NewGuid(), DraftLibraryPacker.ParseSpecs(" dayjs@1,"), new SynchronousProgress(lines), TestContext.Current.CancellationToken);

        result.IsValid.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Packages.ShouldHaveSingleItem().ToString().ShouldBe("dayjs@1.11.13");
        result.Packages[0].License.ShouldBe("MIT");
        lines.ShouldContain("npm install dayjs@1");
        npm.Specs.ShouldBe([["dayjs@1"]]);
    }

    [Fact]
    public async Task PackAsync_SameDraftWhilePacking_RefusedAsBusy()
    {
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var npm = new ScriptedNpm(async (project, cancellationToken) =>
        {
            started.TrySetResult();
            await release.Task.WaitAsync(cancellationToken);
            WritePackage(project, "dayjs", """{"version":"1.0.0"}""");
            return new NpmRunResult(0, []);
        });
        using var packer = new DraftLibraryPacker(npm, _time);
        var draft = Guid.NewGuid();
        var first = packer.PackAsync(draft, ["dayjs"], null, TestContext.Current.CancellationToken);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        var second = await packer.PackAsync(draft, ["ms"], null, TestContext.Current.CancellationToken);

        second.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(DraftLibraryPacker.BusyCode);
        release.SetResult();
        (await first.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).IsValid.ShouldBeTrue();
        (await packer.PackAsync(draft, ["dayjs"], null, TestContext.Current.CancellationToken)).IsValid.ShouldBeTrue("the draft is free again");
    }

    [Fact]
    public async Task PackAsync_NpmTakesLongerThanTheTimeout_StoppedAndSaysSo()
    {
        var started = new TaskCompletionSource();
        var npm = new ScriptedNpm(async (_, cancellationToken) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new NpmRunResult(0, []);
        });
        using var packer = new DraftLibraryPacker(npm, _time) { Timeout = TimeSpan.FromMinutes(1) };
        var packing = packer.PackAsync(Guid.NewGuid(), ["dayjs"], null, TestContext.Current.CancellationToken);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        _time.Advance(TimeSpan.FromMinutes(1));

        var result = await packing.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(DraftLibraryPacker.TimedOutCode);
    }

    [Fact]
    public async Task PackAsync_CallerCancels_Throws()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var npm = new ScriptedNpm(async (_, cancellationToken) =>
        {
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new NpmRunResult(0, []);
        });
        using var packer = new DraftLibraryPacker(npm, _time);

        await Should.ThrowAsync<OperationCanceledException>(() => packer.PackAsync(Guid.NewGuid(), ["dayjs"], null, cancellation.Token));
    }

    [Fact]
    public async Task PackAsync_NpmMissing_SaysHowToInstallIt()
    {
        var npm = new ScriptedNpm((_, _) => throw new NpmNotFoundException());
        using var packer = new DraftLibraryPacker(npm, _time);

        var result = await packer.PackAsync(Guid.NewGuid(), ["dayjs"], null, TestContext.Current.CancellationToken);

        var problem = result.Diagnostics.ShouldHaveSingleItem();
        problem.Code.ShouldBe(DraftLibraryPacker.NpmNotFoundCode);
        problem.Message.ShouldContain("Install Node.js");
    }

    private static void WritePackage(string project, string name, string manifest)
    {
        var folder = Path.Combine(project, "node_modules", name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "package.json"), manifest);
    }

    /// <summary>Stands in for npm: runs a script in the temporary project (laying out node_modules) instead of installing.</summary>
    private sealed class ScriptedNpm(Func<string, CancellationToken, Task<NpmRunResult>> script) : INpmRunner
    {
        public List<string[]> Specs { get; } = [];

        public Task<NpmRunResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, IProgress<string>? output, CancellationToken cancellationToken)
        {
            Specs.Add([.. arguments.Where(a => a != "install" && !a.StartsWith('-'))]);
            return script(workingDirectory, cancellationToken);
        }
    }

    private sealed class SynchronousProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
