using System.IO.Compression;
using System.Text;
using Patchbay.Cli.Libraries;
using Patchbay.Cli.Tests.Support;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Libraries;
using Patchbay.Core.Packaging.Zip;

namespace Patchbay.Cli.Tests.Libraries;

public sealed class LibraryInstallerTests : IDisposable
{
    private readonly TempFolder _connector = new();

    [Fact]
    public async Task AddAsync_RejectedZip_ReturnsErrorsAndLeavesFolderAsItWas()
    {
        _connector.Write("actions/get.js", "module.exports = {};");
        _connector.Write("libraries/axios/package.json", """{"name":"axios","version":"0.21.0"}""");
        var before = _connector.Snapshot();
        using var zip = Zip(
            ("axios/package.json", """{"name":"axios","version":"1.7.0","dependencies":{"form-data":"^4"}}"""),
            ("../evil.js", "evil"));

        var result = await AddAsync(zip);

        result.Succeeded.ShouldBeFalse();
        result.Diagnostics.Select(d => d.Code).ShouldBe([ZipDiagnosticCodes.UnsafePath, LibraryDiagnosticCodes.MissingDependency], ignoreOrder: true);
        _connector.Snapshot().ShouldBe(before);
        Directory.GetDirectories(_connector.Path).Select(Path.GetFileName).ShouldBe(["actions", "libraries"], ignoreOrder: true);
    }

    [Fact]
    public async Task AddAsync_ValidZip_WritesPackagesAndReportsReplacements()
    {
        _connector.Write("libraries/axios/package.json", """{"name":"axios","version":"0.21.0"}""");
        _connector.Write("libraries/axios/old-only.js", "old");
        _connector.Write("libraries/lodash/package.json", """{"name":"lodash","version":"4.17.21"}""");
        using var zip = Zip(
            ("axios/package.json", """{"name":"axios","version":"1.7.0","dependencies":{"@scope/util":"^2"}}"""),
            ("axios/index.js", "module.exports = 1;"),
            ("@scope/util/package.json", """{"name":"@scope/util","version":"2.0.0"}"""),
            ("@scope/util/node_modules/ms/package.json", """{"name":"ms","version":"2.1.3"}"""));

        var result = await AddAsync(zip);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Added.Select(p => p.ToString()).ShouldBe(["@scope/util@2.0.0", "axios@1.7.0"]);
        result.Replaced.Select(r => r.ToString()).ShouldBe(["axios@0.21.0 → 1.7.0"]);
        _connector.Snapshot().Keys.Order(StringComparer.Ordinal).ShouldBe(
        [
            "libraries/@scope/util/node_modules/ms/package.json",
            "libraries/@scope/util/package.json",
            "libraries/axios/index.js",
            "libraries/axios/package.json",
            "libraries/lodash/package.json",
        ]);
    }

    public void Dispose() => _connector.Dispose();

    private Task<LibraryAddResult> AddAsync(Stream zip) =>
        LibraryInstaller.AddAsync(zip, "lib.zip", _connector.Path, PackageLimits.Default, TestContext.Current.CancellationToken);

    private static MemoryStream Zip(params (string Name, string Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var output = archive.CreateEntry(name).Open();
                output.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        stream.Position = 0;
        return stream;
    }
}
