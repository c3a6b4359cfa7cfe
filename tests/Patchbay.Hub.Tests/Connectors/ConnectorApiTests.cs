using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;
using Patchbay.Hub.Tests.Support;
using static Patchbay.Hub.Tests.Connectors.ConnectorUploads;

namespace Patchbay.Hub.Tests.Connectors;

public abstract class ConnectorApiTests(HubFixture hub) : HubTests(hub)
{
    [Fact]
    public async Task A_bizc_upload_adds_a_major_that_list_and_show_describe()
    {
        var name = UniqueName();

        var response = await Hub.Admin.UploadAsync(Bizc(Package(name)));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        var answer = await ReadAsync(response);
        answer["name"]!.GetValue<string>().ShouldBe(name);
        answer["version"]!.GetValue<string>().ShouldBe("1.0.0");
        answer["major"]!.GetValue<int>().ShouldBe(1);
        answer["outcome"]!.GetValue<string>().ShouldBe("addedMajor");

        var listed = (await ListAsync(name)).ShouldHaveSingleItem();
        listed["description"]!.GetValue<string>().ShouldBe("Says hello to " + name);
        listed["type"]!.GetValue<string>().ShouldBe("custom");
        var major = listed["majors"]!.AsArray().ShouldHaveSingleItem()!;
        major["version"]!.GetValue<string>().ShouldBe("1.0.0");
        major["uploadedBy"]!.GetValue<string>().ShouldBe("admin");

        var shown = await GetJsonAsync(Of(name));
        shown["author"]!.GetValue<string>().ShouldBe("Tests");
        shown["authentication"]!["method"]!.GetValue<string>().ShouldBe("custom");
        var token = shown["authentication"]!["parameters"]!.AsArray().ShouldHaveSingleItem()!;
        token["password"]!.GetValue<bool>().ShouldBeTrue();
        shown["parameters"]![0]!["required"]!.GetValue<bool>().ShouldBeTrue();
        shown["parameters"]![0]!["defaultValue"]!.GetValue<string>().ShouldBe("https://example.test");
        shown["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("E1");
        var action = shown["majors"]![0]!["actions"]!.AsArray().ShouldHaveSingleItem()!;
        action["name"]!.GetValue<string>().ShouldBe("greet");
        action["inputs"]!["who"]!.GetValue<string>().ShouldBe("String!");
        action["outputs"]!["text"]!.GetValue<string>().ShouldBe("String");
        action["errors"]!.AsObject().Count.ShouldBeGreaterThan(0);
        shown["versions"]!.AsArray().ShouldHaveSingleItem();
        (await Hub.QueryAsync(db => db.Audit.AnyAsync(a => a.Action == "connector.install" && a.Target == name + " 1.0.0", Cancel))).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null, "application/zip")]
    [InlineData("my-connector", "application/octet-stream")]
    public async Task A_zipped_source_folder_is_installed_whether_at_the_root_or_in_one_folder(string? topFolder, string contentType)
    {
        var name = UniqueName();

        var response = await Hub.Admin.UploadAsync(SourceZip(Package(name), topFolder), contentType);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        (await GetJsonAsync(Of(name, "/versions/1")))["actions"]![0]!["name"]!.GetValue<string>().ShouldBe("greet");
    }

    [Fact]
    public async Task A_multipart_upload_is_installed_and_the_same_package_again_changes_nothing()
    {
        var name = UniqueName();
        var bytes = Bizc(Package(name));

        var first = await Hub.Admin.UploadFormAsync(bytes, "echo.bizc");
        var again = await Hub.Admin.UploadFormAsync(bytes, "echo.bizc");

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync(Cancel));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadAsync(again))["outcome"]!.GetValue<string>().ShouldBe("unchanged");
        (await GetJsonAsync(Of(name, "/versions/1/history"))).AsArray().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_invalid_upload_names_each_error_with_file_and_path_and_stores_nothing()
    {
        var name = UniqueName();
        var before = await SnapshotAsync();

        var response = await Hub.Admin.UploadAsync(SourceZip(Package(name), editDefinition: d =>
        {
            d["version"] = "one";
            return d;
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ReadAsync(response);
        var error = problem["errors"]!.AsArray().ShouldHaveSingleItem()!;
        error["code"]!.GetValue<string>().ShouldBe("invalid-version");
        error["file"]!.GetValue<string>().ShouldBe("connector.json");
        error["path"]!.GetValue<string>().ShouldContain("version");
        (await SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Content_that_is_not_a_connector_zip_is_refused_with_the_reason()
    {
        var notZip = await Hub.Admin.UploadAsync("hello"u8.ToArray());
        var noDefinition = await Hub.Admin.UploadFormAsync(ZipOfSize(10), "noise.zip");
        var empty = await Hub.Admin.UploadAsync([]);

        notZip.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ReadAsync(notZip))["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("invalid-zip");
        noDefinition.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var missing = (await ReadAsync(noDefinition))["errors"]![0]!;
        missing["file"]!.GetValue<string>().ShouldBe("noise.zip");
        missing["message"]!.GetValue<string>().ShouldContain("connector.json");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ReadAsync(empty))["errors"]![0]!["path"]!.GetValue<string>().ShouldBe("body");
    }

    [Fact]
    public async Task A_new_major_is_added_beside_the_others()
    {
        var name = UniqueName();
        var guid = Guid.NewGuid().ToString();
        await InstallAsync(Package(name, "1.0.0", guid));

        var response = await Hub.Admin.UploadAsync(Bizc(Package(name, "2.0.0", guid)));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ReadAsync(response))["outcome"]!.GetValue<string>().ShouldBe("addedMajor");
        var majors = (await ListAsync(name)).ShouldHaveSingleItem()["majors"]!.AsArray();
        majors.Select(m => m!["version"]!.GetValue<string>()).ShouldBe(["1.0.0", "2.0.0"]);
        (await GetJsonAsync(Of(name, "/versions/1")))["version"]!.GetValue<string>().ShouldBe("1.0.0");
        (await GetJsonAsync(Of(name, "/versions/2")))["version"]!.GetValue<string>().ShouldBe("2.0.0");
    }

    [Fact]
    public async Task A_minor_replaces_its_major_the_old_one_stays_in_history_and_can_be_restored()
    {
        var name = UniqueName();
        var guid = Guid.NewGuid().ToString();
        await InstallAsync(Package(name, "1.0.0", guid));

        var replaced = await Hub.Admin.UploadAsync(Bizc(Package(name, "1.1.0", guid)));

        replaced.StatusCode.ShouldBe(HttpStatusCode.Created);
        var answer = await ReadAsync(replaced);
        answer["outcome"]!.GetValue<string>().ShouldBe("replacedVersion");
        answer["replacedVersion"]!.GetValue<string>().ShouldBe("1.0.0");
        var history = (await GetJsonAsync(Of(name, "/versions/1/history"))).AsArray();
        history.Select(v => (v!["version"]!.GetValue<string>(), v["isCurrent"]!.GetValue<bool>())).ShouldBe([("1.1.0", true), ("1.0.0", false)]);
        history[1]!["replacedAt"].ShouldNotBeNull();

        var oldId = history[1]!["id"]!.GetValue<string>();
        var restored = await Hub.Admin.PostAsync(Of(name, $"/versions/1/history/{oldId}/restore"), null, Cancel);

        restored.StatusCode.ShouldBe(HttpStatusCode.OK, await restored.Content.ReadAsStringAsync(Cancel));
        (await ReadAsync(restored))["version"]!.GetValue<string>().ShouldBe("1.0.0");
        (await GetJsonAsync(Of(name, "/versions/1")))["version"]!.GetValue<string>().ShouldBe("1.0.0");
        var after = (await GetJsonAsync(Of(name, "/versions/1/history"))).AsArray();
        after.Where(v => v!["isCurrent"]!.GetValue<bool>()).ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(oldId);
        after.Count.ShouldBe(2);
        (await Hub.QueryAsync(db => db.Audit.AnyAsync(a => a.Action == "connector.restore" && a.Target == name + " 1.0.0", Cancel))).ShouldBeTrue();
    }

    [Fact]
    public async Task Uploading_the_replaced_version_again_after_a_restore_makes_it_current_without_a_duplicate()
    {
        var name = UniqueName();
        var guid = Guid.NewGuid().ToString();
        await InstallAsync(Package(name, "1.0.0", guid));
        var newer = Bizc(Package(name, "1.1.0", guid));
        (await Hub.Admin.UploadAsync(newer)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await RestoreAsync(name, "1.0.0");

        var again = await Hub.Admin.UploadAsync(newer);

        again.StatusCode.ShouldBe(HttpStatusCode.Created, await again.Content.ReadAsStringAsync(Cancel));
        var answer = await ReadAsync(again);
        answer["outcome"]!.GetValue<string>().ShouldBe("replacedVersion");
        answer["replacedVersion"]!.GetValue<string>().ShouldBe("1.0.0");
        var history = await HistoryAsync(name);
        history.Select(v => (v.Version, v.IsCurrent)).ShouldBe([("1.1.0", true), ("1.0.0", false)]);
        history[0].ReplacedAt.ShouldBeNull();
        history[1].ReplacedAt.ShouldNotBeNull();
        (await GetJsonAsync(Of(name, "/versions/1")))["version"]!.GetValue<string>().ShouldBe("1.1.0");
    }

    [Fact]
    public async Task A_new_minor_after_a_restore_is_current_once_and_the_history_stays_ordered_without_duplicates()
    {
        var name = UniqueName();
        var guid = Guid.NewGuid().ToString();
        await InstallAsync(Package(name, "1.0.0", guid));
        await InstallAsync(Package(name, "1.1.0", guid));
        await RestoreAsync(name, "1.0.0");

        await InstallAsync(Package(name, "1.2.0", guid));

        var history = await HistoryAsync(name);
        history.Select(v => (v.Version, v.IsCurrent)).ShouldBe([("1.2.0", true), ("1.1.0", false), ("1.0.0", false)]);
        history.Select(v => v.UploadedAt).ShouldBe(history.Select(v => v.UploadedAt).OrderDescending().ToList());
        history.Skip(1).ShouldAllBe(v => v.ReplacedAt != null);
        var rows = await Hub.QueryAsync(db => db.ConnectorVersions.Where(v => v.Connector!.Name == name).Select(v => new { v.Version, v.IsCurrent }).ToListAsync(Cancel));
        rows.Count(r => r.IsCurrent).ShouldBe(1);
        rows.Select(r => r.Version).ShouldBeUnique();
    }

    [Fact]
    public async Task A_version_in_the_history_uploaded_again_with_other_content_is_refused_and_changes_nothing()
    {
        var name = UniqueName();
        var guid = Guid.NewGuid().ToString();
        await InstallAsync(Package(name, "1.0.0", guid));
        await InstallAsync(Package(name, "1.1.0", guid));
        await RestoreAsync(name, "1.0.0");
        var before = await SnapshotAsync();
        var other = Package(name, "1.1.0", guid);
        other = other with { Definition = other.Definition with { Description = "Other content" } };

        var refused = await Hub.Admin.UploadAsync(Bizc(other));

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ReadAsync(refused))["detail"]!.GetValue<string>().ShouldContain("1.1.0 is in the history");
        (await SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_downgrade_and_another_connector_with_the_same_name_are_refused_and_change_nothing()
    {
        var name = UniqueName();
        var guid = Guid.NewGuid().ToString();
        await InstallAsync(Package(name, "1.2.0", guid));
        var before = await SnapshotAsync();

        var downgrade = await Hub.Admin.UploadAsync(Bizc(Package(name, "1.1.0", guid)));
        var sameVersionOtherContent = await Hub.Admin.UploadAsync(SourceZip(Package(name, "1.2.0", guid), editDefinition: d =>
        {
            d["description"] = "changed";
            return d;
        }));
        var impostor = await Hub.Admin.UploadAsync(Bizc(Package(name.ToUpperInvariant(), "3.0.0")));

        downgrade.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ReadAsync(downgrade))["detail"]!.GetValue<string>().ShouldContain("not newer than the installed 1.2.0");
        sameVersionOtherContent.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        impostor.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ReadAsync(impostor))["detail"]!.GetValue<string>().ShouldContain("Another connector named");
        (await SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_download_returns_a_bizc_that_Core_reads_back_to_the_same_definition()
    {
        var name = UniqueName();
        var guid = Guid.NewGuid().ToString();
        var first = Package(name, "1.0.0", guid);
        await InstallAsync(first);
        await InstallAsync(Package(name, "1.0.1", guid));

        var current = await Hub.Admin.GetAsync(Of(name, "/versions/1/download"), Cancel);

        current.StatusCode.ShouldBe(HttpStatusCode.OK);
        current.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
        current.Content.Headers.ContentDisposition!.FileName.ShouldBe("test-connector-1.0.1.bizc");
        (await ReadBackAsync(await current.Content.ReadAsByteArrayAsync(Cancel))).Definition.Version.ShouldBe("1.0.1");

        var oldId = (await GetJsonAsync(Of(name, "/versions/1/history")))[1]!["id"]!.GetValue<string>();
        var old = await Hub.Admin.GetAsync(Of(name, $"/versions/1/history/{oldId}/download"), Cancel);
        old.StatusCode.ShouldBe(HttpStatusCode.OK);
        var expected = await ReadBackAsync(Bizc(first));
        (await ReadBackAsync(await old.Content.ReadAsByteArrayAsync(Cancel))).Definition.ShouldBe(expected.Definition);
    }

    [Fact]
    public async Task Deleting_a_major_removes_its_versions_and_configuration_and_deleting_the_connector_removes_all()
    {
        var name = UniqueName();
        var guid = Guid.NewGuid().ToString();
        await InstallAsync(Package(name, "1.0.0", guid));
        await InstallAsync(Package(name, "1.1.0", guid));
        await InstallAsync(Package(name, "2.0.0", guid));
        var connectorId = await Hub.QueryAsync(db => db.Connectors.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Cancel));
        await AddConfigAsync(connectorId, 1);
        await AddConfigAsync(connectorId, 2);

        var deleteMajor = await Hub.Admin.DeleteAsync(Of(name, "/versions/1"), Cancel);

        deleteMajor.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Hub.Admin.GetAsync(Of(name, "/versions/1"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetJsonAsync(Of(name, "/versions/2")))["version"]!.GetValue<string>().ShouldBe("2.0.0");
        (await Hub.QueryAsync(db => db.ConnectorConfigs.Where(c => c.ConnectorId == connectorId).Select(c => c.Major).ToListAsync(Cancel))).ShouldBe([2]);
        (await Hub.QueryAsync(db => db.ConnectorVersions.CountAsync(v => v.ConnectorId == connectorId, Cancel))).ShouldBe(1);

        var deleteAll = await Hub.Admin.DeleteAsync(Of(name), Cancel);

        deleteAll.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Hub.Admin.GetAsync(Of(name), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ListAsync(name)).ShouldBeEmpty();
        (await Hub.QueryAsync(db => db.ConnectorConfigs.CountAsync(c => c.ConnectorId == connectorId, Cancel))).ShouldBe(0);
        (await Hub.QueryAsync(db => db.ConnectorVersions.CountAsync(v => v.ConnectorId == connectorId, Cancel))).ShouldBe(0);
        (await Hub.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "connector.delete" && a.Target.StartsWith(name), Cancel))).ShouldBe(2);
    }

    [Fact]
    public async Task Unknown_connectors_majors_and_versions_are_not_found()
    {
        var name = UniqueName();
        await InstallAsync(Package(name));
        var unknownId = Guid.NewGuid();
        var before = await SnapshotAsync();

        foreach (var uri in new[] { Of("no-such"), Of(name, "/versions/7"), Of(name, "/versions/7/history"), Of(name, "/versions/7/download"), Of(name, $"/versions/1/history/{unknownId}/download") })
        {
            (await Hub.Admin.GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, uri.ToString());
        }

        (await Hub.Admin.PostAsync(Of(name, $"/versions/1/history/{unknownId}/restore"), null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Hub.Admin.DeleteAsync(Of(name, "/versions/7"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var noConnector = await Hub.Admin.DeleteAsync(Of("no-such"), Cancel);
        noConnector.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ReadAsync(noConnector))["detail"]!.GetValue<string>().ShouldContain("no-such");
        (await SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Authors_and_admins_write_operators_only_read_and_invokers_do_neither()
    {
        var author = Hub.Client(await Hub.CreateKeyAsync(Roles.Author));
        var operatorClient = Hub.Client(await Hub.CreateKeyAsync(Roles.Operator));
        var invoker = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));
        var name = UniqueName();
        var guid = Guid.NewGuid().ToString();

        (await author.UploadAsync(Bizc(Package(name, "1.0.0", guid)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Hub.Admin.UploadAsync(Bizc(Package(name, "1.1.0", guid)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var oldId = (await GetJsonAsync(Of(name, "/versions/1/history")))[1]!["id"]!.GetValue<string>();
        var before = await SnapshotAsync();

        foreach (var reader in new[] { author, operatorClient })
        {
            (await reader.GetAsync(ConnectorsUri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await reader.GetAsync(Of(name), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await reader.GetAsync(Of(name, "/versions/1"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await reader.GetAsync(Of(name, "/versions/1/history"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await reader.GetAsync(Of(name, "/versions/1/download"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await reader.GetAsync(Of(name, $"/versions/1/history/{oldId}/download"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        foreach (var refused in new[] { operatorClient, invoker })
        {
            (await refused.UploadAsync(Bizc(Package(name, "1.2.0", guid)))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await refused.PostAsync(Of(name, $"/versions/1/history/{oldId}/restore"), null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await refused.DeleteAsync(Of(name, "/versions/1"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await refused.DeleteAsync(Of(name), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        foreach (var uri in new[] { ConnectorsUri, Of(name), Of(name, "/versions/1"), Of(name, "/versions/1/history"), Of(name, "/versions/1/download"), Of(name, $"/versions/1/history/{oldId}/download") })
        {
            (await invoker.GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, uri.ToString());
        }

        (await SnapshotAsync()).ShouldBe(before);
        (await author.PostAsync(Of(name, $"/versions/1/history/{oldId}/restore"), null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await author.DeleteAsync(Of(name), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Simultaneous_uploads_of_one_major_leave_exactly_one_current_version()
    {
        var name = UniqueName();
        var guid = Guid.NewGuid().ToString();
        var uploads = Enumerable.Range(1, 6).Select(minor => Bizc(Package(name, $"1.{minor}.0", guid))).ToList();

        var responses = await Task.WhenAll(uploads.Select(bytes => Hub.Client(Hub.AdminKey).UploadAsync(bytes)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict);
        statuses.ShouldContain(HttpStatusCode.Created);
        var versions = await Hub.QueryAsync(db => db.ConnectorVersions.Where(v => v.Connector!.Name == name).Select(v => new { v.Version, v.IsCurrent }).ToListAsync(Cancel));
        versions.Count(v => v.IsCurrent).ShouldBe(1);
        versions.Count.ShouldBe(statuses.Count(s => s == HttpStatusCode.Created));
        (await Hub.QueryAsync(db => db.Connectors.CountAsync(c => c.Name == name, Cancel))).ShouldBe(1);
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;

    private static async Task<ConnectorPackage> ReadBackAsync(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return (await BizcReader.ReadAsync(stream, "downloaded.bizc", PackageLimits.Default, Cancel)).GetPackageOrThrow();
    }

    private async Task<JsonNode> GetJsonAsync(Uri uri)
    {
        var response = await Hub.Admin.GetAsync(uri, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel) + Hub.Logs.All);
        return (await response.Content.ReadFromJsonAsync<JsonNode>(Cancel))!;
    }

    private async Task<IReadOnlyList<JsonNode>> ListAsync(string search) =>
        [.. (await GetJsonAsync(new Uri("/api/v1/connectors?search=" + Uri.EscapeDataString(search), UriKind.Relative))).AsArray().Select(n => n!)];

    private async Task InstallAsync(ConnectorPackage package)
    {
        var response = await Hub.Admin.UploadAsync(Bizc(package));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
    }

    private async Task RestoreAsync(string name, string version)
    {
        var id = (await HistoryAsync(name)).Single(v => v.Version == version).Id;
        var response = await Hub.Admin.PostAsync(Of(name, $"/versions/1/history/{id}/restore"), null, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
    }

    /// <summary>The history of major 1 as the API lists it.</summary>
    private async Task<IReadOnlyList<(Guid Id, string Version, bool IsCurrent, DateTimeOffset UploadedAt, DateTimeOffset? ReplacedAt)>> HistoryAsync(string name) =>
        [.. (await GetJsonAsync(Of(name, "/versions/1/history"))).AsArray().Select(v => (
            v!["id"]!.GetValue<Guid>(),
            v["version"]!.GetValue<string>(),
            v["isCurrent"]!.GetValue<bool>(),
            v["uploadedAt"]!.GetValue<DateTimeOffset>(),
            v["replacedAt"]?.GetValue<DateTimeOffset>()))];

    /// <summary>Everything the catalog stores, to prove a failed operation left it as it was.</summary>
    private async Task<string> SnapshotAsync()
    {
        var list = await Hub.Admin.GetStringAsync(ConnectorsUri, Cancel);
        var rows = await Hub.QueryAsync(db => db.ConnectorVersions.OrderBy(v => v.Id).Select(v => $"{v.Id} {v.Version} {v.IsCurrent} {v.Sha256}").ToListAsync(Cancel));
        var audit = await Hub.QueryAsync(db => db.Audit.CountAsync(Cancel));
        return $"{list}\n{string.Join('\n', rows)}\naudit {audit}";
    }

    private Task AddConfigAsync(Guid connectorId, int major) => Hub.QueryAsync(async db =>
    {
        db.ConnectorConfigs.Add(new ConnectorConfigRecord { Id = Guid.NewGuid(), ConnectorId = connectorId, Major = major, EnvironmentKey = "test", UpdatedBy = "test" });
        return await db.SaveChangesAsync(Cancel);
    });
}

public sealed class SqliteConnectorApiTests(SqliteHub hub) : ConnectorApiTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresConnectorApiTests(PostgresHub hub) : ConnectorApiTests(hub), IClassFixture<PostgresHub>;
