using System.Net;
using System.Text;
using Patchbay.Core.Packaging;
using Patchbay.Hub.Tests.Connectors;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Hostile;

/// <summary>
/// Uploads built to harm the hub: entries that climb out of the install folder, links, zip bombs, a definition
/// too large or too deep to read. Each is refused with a 400 naming the entry and its reason, nothing is stored
/// or written, and the hub goes on serving.
/// </summary>
public abstract class HostilePackageTests(HubFixture hub) : HubTests(hub)
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task Entries_that_climb_out_of_the_install_folder_are_refused_by_name_and_nothing_is_written()
    {
        var marker = "pwned-" + Guid.NewGuid().ToString("N")[..8] + ".js";
        var zip = new HostileZip(ConnectorUploads.UniqueName("Slip"))
            .File("../" + marker, "x")
            .File("actions/../../../" + marker, "x")
            .File("/tmp/" + marker, "x")
            .File("C:/" + marker, "x")
            .File("..\\" + marker, "x");

        var problem = await RefusedAsync(zip);

        problem.Errors().ShouldBe(
            [$"unsafe-path ../{marker}", $"unsafe-path actions/../../../{marker}", $"unsafe-path /tmp/{marker}", $"unsafe-path C:/{marker}", $"unsafe-path ..\\{marker}"],
            ignoreOrder: true);
        File.Exists(Path.Combine(Path.GetDirectoryName(Hub.DataFolder)!, marker)).ShouldBeFalse();
        File.Exists(Path.Combine("/tmp", marker)).ShouldBeFalse();
        Directory.GetFiles(Hub.DataFolder, marker, SearchOption.AllDirectories).ShouldBeEmpty();
        await ShouldBeNothingInstalledAsync(zip.Name);
    }

    [Fact]
    public async Task Symbolic_links_are_refused_by_name()
    {
        var zip = new HostileZip(ConnectorUploads.UniqueName("Link"))
            .Symlink("actions/passwd.js", "/etc/passwd")
            .Symlink("keys", Path.Combine(Hub.DataFolder, "keys"));

        var problem = await RefusedAsync(zip);

        problem.Errors().ShouldBe(["symlink actions/passwd.js", "symlink keys"], ignoreOrder: true);
        await ShouldBeNothingInstalledAsync(zip.Name);
    }

    [Fact]
    public async Task A_file_that_inflates_beyond_the_per_file_limit_is_refused_by_name()
    {
        var zip = new HostileZip(ConnectorUploads.UniqueName("Bomb")).Zeros("bomb.bin", PackageLimits.Default.MaxEntryBytes + MiB);

        var problem = await RefusedAsync(zip);

        problem.Errors().ShouldBe(["entry-too-large bomb.bin"]);
        await ShouldBeNothingInstalledAsync(zip.Name);
    }

    [Fact]
    public async Task Files_that_inflate_beyond_the_total_limit_are_refused_when_the_limit_is_passed()
    {
        var zip = new HostileZip(ConnectorUploads.UniqueName("Bombs"));
        var each = PackageLimits.Default.MaxEntryBytes - MiB;
        var count = (int)(PackageLimits.Default.MaxTotalBytes / each) + 1;
        for (var i = 0; i < count; i++)
        {
            zip.Zeros($"bomb-{i}.bin", each);
        }

        var problem = await RefusedAsync(zip);

        problem.Errors().ShouldBe([$"too-large bomb-{count - 1}.bin"]);
        await ShouldBeNothingInstalledAsync(zip.Name);
    }

    [Fact]
    public async Task More_files_than_the_limit_are_refused_before_any_is_inflated()
    {
        var zip = new HostileZip(ConnectorUploads.UniqueName("Many"));
        for (var i = 0; i < PackageLimits.Default.MaxFileCount; i++)
        {
            zip.File($"many/{i}.txt", "");
        }

        var problem = await RefusedAsync(zip);

        problem.Errors().Single().ShouldStartWith("too-many-files ");
        problem["errors"]![0]!["message"]!.GetValue<string>().ShouldContain(PackageLimits.Default.MaxFileCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        await ShouldBeNothingInstalledAsync(zip.Name);
    }

    [Fact]
    public async Task A_header_declaring_a_small_size_does_not_let_a_bomb_inflate()
    {
        var zip = new HostileZip(ConnectorUploads.UniqueName("Forged")).Zeros("bomb.bin", PackageLimits.Default.MaxEntryBytes + MiB);

        // .NET's reader inflates an entry only up to its declared size: the bomb never goes off, and the package
        // holds the 16 bytes it declared.
        var response = await Hub.Admin.UploadAsync(HostileZip.ForgeDeclaredSize(await zip.ToBytesAsync(), "bomb.bin", 16));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        await Hub.ShouldStillServeAsync();
    }

    [Fact]
    public async Task A_header_declaring_a_huge_size_is_not_used_to_size_anything()
    {
        var zip = new HostileZip(ConnectorUploads.UniqueName("Forged")).File("small.txt", "a few bytes");

        var response = await Hub.Admin.UploadAsync(HostileZip.ForgeDeclaredSize(await zip.ToBytesAsync(), "small.txt", uint.MaxValue - 1));

        var text = await response.Content.ReadAsStringAsync(Cancel);
        (response.StatusCode, text).ShouldBe((HttpStatusCode.Created, text));
        await Hub.ShouldStillServeAsync();
    }

    [Fact]
    public async Task An_enormous_definition_is_refused_by_name()
    {
        var zip = new HostileZip(ConnectorUploads.UniqueName("Huge")).Definition(async s =>
        {
            await s.WriteAsync(Encoding.UTF8.GetBytes("{\"name\": \"Huge\","));
            var spaces = new byte[PackageLimits.Default.MaxEntryBytes];
            Array.Fill(spaces, (byte)' ');
            await s.WriteAsync(spaces);
            await s.WriteAsync(Encoding.UTF8.GetBytes("\"version\": \"1.0.0\"}"));
        });

        var problem = await RefusedAsync(zip);

        problem.Errors().ShouldBe(["entry-too-large connector.json"]);
    }

    [Fact]
    public async Task A_definition_nested_too_deep_is_refused_without_harm()
    {
        var zip = new HostileZip(ConnectorUploads.UniqueName("Deep")).Definition(s =>
            s.WriteAsync(Encoding.UTF8.GetBytes("{\"name\": " + new string('[', 100_000) + new string(']', 100_000) + "}")).AsTask());

        var problem = await RefusedAsync(zip);

        problem.Errors().ShouldHaveSingleItem().ShouldStartWith("invalid-json ");
        problem["errors"]![0]!["file"]!.GetValue<string>().ShouldBe("connector.json");
        problem["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("depth");
        await ShouldBeNothingInstalledAsync(zip.Name);
    }

    /// <summary>Uploads; the answer must be a 400 problem, and the hub must serve right after.</summary>
    private async Task<System.Text.Json.Nodes.JsonObject> RefusedAsync(HostileZip zip)
    {
        var response = await Hub.Admin.UploadAsync(await zip.ToBytesAsync());
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem["detail"]!.GetValue<string>().ShouldContain("nothing was installed");
        await Hub.ShouldStillServeAsync();
        return problem;
    }

    private async Task ShouldBeNothingInstalledAsync(string name) =>
        (await Hub.Admin.GetAsync(ConnectorUploads.Of(name), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
}

public sealed class SqliteHostilePackageTests(SqliteHub hub) : HostilePackageTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresHostilePackageTests(PostgresHub hub) : HostilePackageTests(hub), IClassFixture<PostgresHub>;
