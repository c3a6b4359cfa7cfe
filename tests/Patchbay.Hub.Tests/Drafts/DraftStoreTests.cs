using Microsoft.Extensions.DependencyInjection;
using Patchbay.Core.Authoring;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Drafts;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Support;
using Patchbay.OpenApi;

namespace Patchbay.Hub.Tests.Drafts;

/// <summary>The Connector Editor's drafts, on the hub's own database.</summary>
public abstract class DraftStoreTests(HubFixture hub) : HubTests(hub)
{
    private static readonly Caller Author = new(Guid.NewGuid(), "draft-author", Roles.Author, null);

    [Fact]
    public async Task A_new_draft_opens_as_the_template_it_was_made_from()
    {
        var name = Unique("New Custom");

        var id = await UseAsync(s => s.CreateAsync(name, ConnectorType.Custom, Author, Cancel));
        var draft = await UseAsync(s => s.OpenAsync(id, Cancel));

        draft.ShouldNotBeNull();
        draft.Package.Definition.Name.ShouldBe(name);
        draft.Package.Definition.Type.ShouldBe(ConnectorType.Custom);
        draft.Package.Definition.Actions.Select(a => a.Name).ShouldBe(["say-hello"]);
        draft.Package.Files.Contains(ConnectorPackage.ActionPath("say-hello")).ShouldBeTrue();
        draft.Revision.SavedBy.ShouldBe(Author.Name);
        (await UseAsync(s => s.CreateAsync(Unique("Rest"), ConnectorType.EasyRest, Author, Cancel))).ShouldNotBe(id);
    }

    [Fact]
    public async Task Saving_keeps_the_work_even_while_it_is_invalid()
    {
        var id = await UseAsync(s => s.CreateAsync(Unique("Saved"), ConnectorType.Custom, Author, Cancel));
        var draft = await UseAsync(s => s.OpenAsync(id, Cancel));
        var action = draft!.Package.Definition.Actions[0] with
        {
            Inputs = [DataNode.Object("order", [DataNode.Leaf("id", DataType.Integer, isRequired: true), DataNode.Leaf("lines", DataType.String, isList: true)])],
        };
        var edited = draft.Package with
        {
            Definition = draft.Package.Definition with
            {
                Version = "not-a-version",
                Description = "edited",
                Actions = [action],
                Authentication = draft.Package.Definition.Authentication with { Parameters = [new ConnectorParameter { Name = "token", PasswordMode = true, Required = true }] },
            },
        };

        var saved = await UseAsync(s => s.SaveAsync(id, draft.Revision.Number, edited, Author with { Name = "second-author" }, Cancel));
        var reopened = await UseAsync(s => s.OpenAsync(id, Cancel));

        reopened!.Package.ShouldBe(edited);
        reopened.Revision.ShouldBe(saved);
        saved.Number.ShouldBe(draft.Revision.Number + 1);
        saved.SavedBy.ShouldBe("second-author");
    }

    [Fact]
    public async Task A_save_from_a_revision_someone_else_saved_over_is_refused_naming_them_and_stores_nothing()
    {
        var id = await UseAsync(s => s.CreateAsync(Unique("Conflict"), ConnectorType.Custom, Author, Cancel));
        var opened = await UseAsync(s => s.OpenAsync(id, Cancel));
        var theirs = Described(opened!, "theirs");
        var theirSave = await UseAsync(s => s.SaveAsync(id, opened!.Revision.Number, theirs, Author with { Name = "colleague" }, Cancel));

        var conflict = await Should.ThrowAsync<DraftConflictException>(() => UseAsync(s => s.SaveAsync(id, opened!.Revision.Number, Described(opened, "mine"), Author, Cancel)));

        conflict.Stored.ShouldBe(theirSave);
        conflict.Message.ShouldContain("colleague");
        var stored = await UseAsync(s => s.OpenAsync(id, Cancel));
        stored!.Package.ShouldBe(theirs);
        stored.Revision.ShouldBe(theirSave);

        // Keeping one's own version is a save that names the revision it overwrites.
        var mine = Described(opened!, "mine after all");
        var kept = await UseAsync(s => s.SaveAsync(id, conflict.Stored.Number, mine, Author, Cancel));
        (await UseAsync(s => s.OpenAsync(id, Cancel)))!.Package.ShouldBe(mine);
        kept.Number.ShouldBe(theirSave.Number + 1);
    }

    [Fact]
    public async Task Of_two_saves_from_the_same_revision_at_once_exactly_one_is_stored()
    {
        for (var round = 0; round < 10; round++)
        {
            var id = await UseAsync(s => s.CreateAsync(Unique("Race"), ConnectorType.Custom, Author, Cancel));
            var opened = await UseAsync(s => s.OpenAsync(id, Cancel));
            var versions = new[] { Described(opened!, "first tab"), Described(opened!, "second tab") };
            using var start = new Barrier(2);

            var saves = versions.Select(package => Task.Run(async () =>
            {
                await using var scope = Hub.Hub.Services.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<DraftStore>();
                start.SignalAndWait(Cancel);
                try
                {
                    return (Package: package, Saved: (DraftRevision?)await store.SaveAsync(id, opened!.Revision.Number, package, Author, Cancel));
                }
                catch (DraftConflictException)
                {
                    return (Package: package, Saved: null);
                }
            })).ToList();
            var outcomes = await Task.WhenAll(saves);

            var winner = outcomes.Where(o => o.Saved is not null).ShouldHaveSingleItem($"round {round}");
            var stored = await UseAsync(s => s.OpenAsync(id, Cancel));
            stored!.Package.ShouldBe(winner.Package);
            stored.Revision.ShouldBe(winner.Saved);
        }
    }

    [Fact]
    public async Task The_list_searches_names_without_regard_to_case_newest_first()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var older = await UseAsync(s => s.CreateAsync($"Alpha {tag}", ConnectorType.Custom, Author, Cancel));
        var newer = await UseAsync(s => s.CreateAsync($"Beta {tag}", ConnectorType.EasyRest, Author, Cancel));

        var found = await UseAsync(s => s.ListAsync(tag.ToUpperInvariant(), Cancel));
        var alpha = await UseAsync(s => s.ListAsync($"alpha {tag}", Cancel));

        found.Select(d => d.Id).ShouldBe([newer, older]);
        alpha.ShouldHaveSingleItem().Name.ShouldBe($"Alpha {tag}");
        alpha[0].Version.ShouldBe("1.0.0");
    }

    [Fact]
    public async Task A_deleted_draft_is_gone_and_cannot_be_saved()
    {
        var id = await UseAsync(s => s.CreateAsync(Unique("Deleted"), ConnectorType.Custom, Author, Cancel));
        var draft = await UseAsync(s => s.OpenAsync(id, Cancel));

        (await UseAsync(s => s.DeleteAsync(id, Cancel))).ShouldBeTrue();

        (await UseAsync(s => s.OpenAsync(id, Cancel))).ShouldBeNull();
        (await UseAsync(s => s.DeleteAsync(id, Cancel))).ShouldBeFalse();
        await Should.ThrowAsync<DraftNotFoundException>(() => UseAsync(s => s.SaveAsync(id, draft!.Revision.Number, draft.Package, Author, Cancel)));
    }

    [Fact]
    public async Task An_uploaded_bizc_becomes_a_draft_and_an_unreadable_one_is_refused_with_its_problems()
    {
        var package = ConnectorTemplates.Custom(Unique("Imported"), Guid.NewGuid(), Guid.NewGuid());
        using var bizc = new MemoryStream(BizcWriter.ToBytes(package));

        var (id, _) = await UseAsync(s => s.ImportAsync(bizc, "imported.bizc", Author, Cancel));
        using var garbage = new MemoryStream("not a zip"u8.ToArray());
        var (none, problems) = await UseAsync(s => s.ImportAsync(garbage, "garbage.bizc", Author, Cancel));

        (await UseAsync(s => s.OpenAsync(id!.Value, Cancel)))!.Package.ShouldBe(package);
        none.ShouldBeNull();
        problems.ShouldContain(p => p.IsError);
    }

    [Fact]
    public async Task An_openapi_document_becomes_an_easy_rest_draft_with_its_report_and_a_bad_one_creates_nothing()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: Pets, version: "2" }
            servers: [{ url: "https://pets.example.com" }]
            paths:
              /pets/{petId}:
                get:
                  operationId: getPet
                  parameters:
                    - { name: petId, in: path, required: true, schema: { type: string } }
                    - { name: session, in: cookie, schema: { type: string } }
                  responses:
                    "200": { description: The pet., content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }
            """;
        var name = Unique("Pets");

        var (id, result) = await UseAsync(s => s.ImportOpenApiAsync(document, new OpenApiImportOptions { Name = name }, Author, Cancel));
        var (none, failed) = await UseAsync(s => s.ImportOpenApiAsync("openapi: 3.0.3\ninfo: { title: Empty, version: '1' }\npaths: {}\n", new OpenApiImportOptions(), Author, Cancel));

        var definition = (await UseAsync(s => s.OpenAsync(id!.Value, Cancel)))!.Package.Definition;
        definition.ShouldBe(result.Package!.Definition);
        definition.Name.ShouldBe(name);
        definition.Type.ShouldBe(ConnectorType.EasyRest);
        definition.Actions.ShouldHaveSingleItem().Rest!.Url.ShouldBe("/pets/{{petId}}");
        result.Report.Items.ShouldContain(i => i.Location == "#/paths/~1pets~1{petId}/get/parameters/1");
        none.ShouldBeNull();
        failed.Failure.ShouldBe("#/paths: the document has no operations to import.");
    }

    [Fact]
    public async Task An_installed_connector_opens_as_a_new_draft_of_its_current_version()
    {
        var package = ConnectorTemplates.Custom(Unique("Installed"), Guid.NewGuid(), Guid.NewGuid());
        await using (var scope = Hub.Hub.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConnectorCatalog>().InstallAsync(package, Author, Cancel);
        }

        var id = await UseAsync(s => s.FromInstalledAsync(package.Definition.Name, 1, Author, Cancel));

        (await UseAsync(s => s.OpenAsync(id, Cancel)))!.Package.ShouldBe(package);
        await Should.ThrowAsync<CatalogNotFoundException>(() => UseAsync(s => s.FromInstalledAsync(package.Definition.Name, 9, Author, Cancel)));
    }

    private static ConnectorPackage Described(Draft draft, string description) =>
        draft.Package with { Definition = draft.Package.Definition with { Description = description } };

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    private async Task<T> UseAsync<T>(Func<DraftStore, Task<T>> use)
    {
        await using var scope = Hub.Hub.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<DraftStore>());
    }
}

public sealed class SqliteDraftStoreTests(SqliteHub hub) : DraftStoreTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresDraftStoreTests(PostgresHub hub) : DraftStoreTests(hub), IClassFixture<PostgresHub>;
