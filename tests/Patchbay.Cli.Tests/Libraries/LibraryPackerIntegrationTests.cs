using System.Diagnostics;
using System.IO.Compression;
using Patchbay.Cli.Tests.Support;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Libraries;
using Patchbay.Runtime.Libraries;

namespace Patchbay.Cli.Tests.Libraries;

/// <summary>Packs real packages with the real npm (registry or ~/.npm cache) and proves Node can load the result.</summary>
[Trait("Category", "Integration")]
public sealed class LibraryPackerIntegrationTests : IDisposable
{
    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(3);
    private readonly TempFolder _work = new();

    [Fact]
    public async Task PackAsync_AxiosAndRequest_FlattenedZipThatNodeLoads()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(NpmTimeout);
        var zipPath = _work.Combine("out", "http.zip");
        var lines = new List<string>();

        var result = await new LibraryPacker(new NpmRunner()).PackAsync(
            ["axios", "request"], zipPath, new SynchronousProgress(lines), timeout.Token);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics) + "\n" + string.Join("\n", lines));
        result.ZipPath.ShouldBe(Path.GetFullPath(zipPath));
        Directory.GetFiles(_work.Combine("out")).ShouldBe([Path.GetFullPath(zipPath)]);

        using var archive = ZipFile.OpenRead(zipPath);
        var names = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        names.ShouldContain("request/package.json");
        names.ShouldContain("axios/package.json");
        names.ShouldContain("follow-redirects/package.json");
        names.ShouldNotContain(n => n.StartsWith("node_modules/", StringComparison.Ordinal));
        names.ShouldNotContain(n => n.Contains(".bin/", StringComparison.Ordinal) || n.EndsWith(".package-lock.json", StringComparison.Ordinal));
        names.Where(n => n.StartsWith('@')).ShouldAllBe(n => n.Split('/', StringSplitOptions.None).Length >= 3);
        archive.Entries.Select(e => e.FullName).ShouldBe(archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        // axios wants form-data 4, request form-data 2.3: one is hoisted, the other nested under its dependent.
        var formData = result.Packages.Where(p => p.Name == "form-data").ToList();
        formData.Count.ShouldBe(2);
        formData.Count(p => p.IsTopLevel).ShouldBe(1);
        formData.Select(p => p.Version!.Split('.')[0]).ShouldBe(["2", "4"], ignoreOrder: true);

        await using (var stream = File.OpenRead(zipPath))
        {
            var inspection = await LibraryZipInspector.InspectAsync(stream, "http.zip", PackageLimits.Default, timeout.Token);
            inspection.IsValid.ShouldBeTrue();
            inspection.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        }

        var connector = _work.Combine("connector");
        ZipFile.ExtractToDirectory(zipPath, Path.Combine(connector, "node_modules"));
        var (exitCode, output) = await RunNodeAsync(
            connector, "const a = require('axios'); const r = require('request'); console.log(typeof a.get, typeof r.get);", timeout.Token);
        exitCode.ShouldBe(0, output);
        output.Trim().ShouldBe("function function");
    }

    [Fact]
    public async Task PackAsync_SpecNpmCannotInstall_ErrorCarriesNpmStderr()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(NpmTimeout);
        var missing = _work.Combine("no-such-folder");

        var result = await new LibraryPacker(new NpmRunner()).PackAsync(
            [$"file:{missing}"], _work.Combine("lib.zip"), null, timeout.Token);

        result.Succeeded.ShouldBeFalse();
        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe(LibraryPacker.NpmInstallFailed);
        error.Message.ShouldContain("npm error");
        File.Exists(_work.Combine("lib.zip")).ShouldBeFalse();
    }

    public void Dispose() => _work.Dispose();

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(string workingDirectory, string script, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-e");
        startInfo.ArgumentList.Add(script);
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Collects lines as they are reported (Progress&lt;T&gt; would post them later, on the thread pool).</summary>
    private sealed class SynchronousProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}
