using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Core.Packaging.Source;
using Patchbay.Core.Tests.Support;

namespace Patchbay.Core.Tests.Packaging;

public sealed class ConnectorZipTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<ConnectorReadResult> ReadAsync(byte[] zip)
    {
        using var stream = new MemoryStream(zip);
        return await ConnectorZip.ReadAsync(stream, "upload.zip", PackageLimits.Default, Cancel);
    }

    private static Dictionary<string, byte[]> SourceFiles(string prefix = "") =>
        SourceFolder.ToFiles(Some.CustomConnector()).ToDictionary(f => prefix + f.Key, f => f.Value, StringComparer.Ordinal);

    [Fact]
    public async Task ReadAsync_Bizc_ReadsThePackage()
    {
        var read = await ReadAsync(BizcWriter.ToBytes(Some.CustomConnector()));

        read.Succeeded.ShouldBeTrue(string.Join('\n', read.Diagnostics));
        read.Package.Definition.Name.ShouldBe(Some.CustomConnector().Definition.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("my-connector/")]
    public async Task ReadAsync_SourceFolderAtTheRootOrInOneFolder_ReadsTheSameDefinition(string prefix)
    {
        var files = SourceFiles(prefix);
        files[prefix + ".git/HEAD"] = "ref: refs/heads/main"u8.ToArray();

        var read = await ReadAsync(ConnectorZip.PackSourceFolder(files));

        read.Succeeded.ShouldBeTrue(string.Join('\n', read.Diagnostics));
        read.Package.Definition.ShouldBe(SourceFolder.Read(SourceFiles()).Package!.Definition);
        read.Package.Files.Paths.ShouldNotContain(p => p.StartsWith(".git/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_InvalidSourceFolder_NamesConnectorJsonAndThePath()
    {
        var files = SourceFolder.ToFiles(Some.CustomConnector().Edit(d => d with { Version = "one" }));

        var read = await ReadAsync(ConnectorZip.PackSourceFolder(files));

        read.Succeeded.ShouldBeFalse();
        var error = read.Diagnostics.Where(d => d.IsError).ShouldHaveSingleItem();
        error.Location.File.ShouldBe("connector.json");
        error.Location.Path.ShouldBe("version");
    }

    [Fact]
    public async Task ReadAsync_NeitherFormat_SaysWhatWasExpected()
    {
        var files = SourceFiles("a/");
        files["b/readme.md"] = "hello"u8.ToArray();

        var read = await ReadAsync(ConnectorZip.PackSourceFolder(files));

        var error = read.Diagnostics.ShouldHaveSingleItem();
        error.Location.File.ShouldBe("upload.zip");
        error.Message.ShouldContain("neither a .bizc");
    }

    [Fact]
    public async Task ReadAsync_NotAZip_IsAnError()
    {
        var read = await ReadAsync("plain text"u8.ToArray());

        read.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("invalid-zip");
    }
}
