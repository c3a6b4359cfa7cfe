using System.IO.Compression;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Libraries;

namespace Patchbay.Core.Tests.Packaging.Libraries;

public sealed class LibraryZipWriterTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("patchbay-writer-");

    [Fact]
    public async Task WriteAsync_NodeModulesFolder_WritesSortedEntriesWithoutNpmBookkeeping()
    {
        Write("zeta/package.json", """{"name":"zeta","version":"1.0.0"}""");
        Write("alpha/package.json", """{"name":"alpha","version":"1.0.0","dependencies":{"zeta":"*"}}""");
        Write("alpha/node_modules/.bin/tool", "#!/bin/sh");
        Write(".bin/tool", "#!/bin/sh");
        Write(".package-lock.json", "{}");
        Write("@scope/name/package.json", """{"name":"@scope/name","version":"2.0.0"}""");

        using var zip = new MemoryStream();
        var written = await LibraryZipWriter.WriteAsync(_folder.FullName, zip, TestContext.Current.CancellationToken);

        written.FileCount.ShouldBe(3);
        zip.Position = 0;
        using var archive = new ZipArchive(zip);
        archive.Entries.Select(e => e.FullName).ShouldBe(["@scope/name/package.json", "alpha/package.json", "zeta/package.json"]);
        archive.Entries.ShouldAllBe(e => e.LastWriteTime.Year == 1980);
        zip.Position = 0;
        var inspection = await LibraryZipInspector.InspectAsync(zip, "lib.zip", PackageLimits.Default, TestContext.Current.CancellationToken);
        inspection.IsValid.ShouldBeTrue(string.Join("\n", inspection.Diagnostics));
    }

    [Fact]
    public async Task WriteAsync_SameFolderTwice_GivesSameBytes()
    {
        Write("a/package.json", """{"name":"a"}""");
        Write("a/lib/index.js", "module.exports = 1;");
        Write("b/package.json", """{"name":"b"}""");

        var first = await WriteAsync();
        File.SetLastWriteTimeUtc(Path.Combine(_folder.FullName, "a/lib/index.js"), new DateTime(2020, 5, 5, 0, 0, 0, DateTimeKind.Utc));
        var second = await WriteAsync();

        second.ShouldBe(first);
    }

    [Fact]
    public async Task WriteAsync_SymbolicLink_NotFollowedAndReported()
    {
        Write("a/package.json", """{"name":"a"}""");
        var outside = Directory.CreateTempSubdirectory("patchbay-outside-");
        try
        {
            File.WriteAllText(Path.Combine(outside.FullName, "secret.txt"), "secret");
            Directory.CreateSymbolicLink(Path.Combine(_folder.FullName, "linked"), outside.FullName);
            File.CreateSymbolicLink(Path.Combine(_folder.FullName, "a", "secret.txt"), Path.Combine(outside.FullName, "secret.txt"));

            using var zip = new MemoryStream();
            var written = await LibraryZipWriter.WriteAsync(_folder.FullName, zip, TestContext.Current.CancellationToken);

            written.SkippedLinks.ShouldBe(["a/secret.txt", "linked"]);
            zip.Position = 0;
            using var archive = new ZipArchive(zip);
            archive.Entries.Select(e => e.FullName).ShouldBe(["a/package.json"]);
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private async Task<byte[]> WriteAsync()
    {
        using var zip = new MemoryStream();
        await LibraryZipWriter.WriteAsync(_folder.FullName, zip, TestContext.Current.CancellationToken);
        return zip.ToArray();
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_folder.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
