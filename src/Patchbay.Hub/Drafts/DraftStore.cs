using Microsoft.EntityFrameworkCore;
using Patchbay.Core.Authoring;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;
using Patchbay.OpenApi;

namespace Patchbay.Hub.Drafts;

/// <summary>
/// Connectors being edited in the Connector Editor. A draft is kept as the <c>.bizc</c> Core writes, so what is
/// saved is exactly what would be exported or installed; it may be invalid while the person works on it.
/// </summary>
public sealed class DraftStore(HubDb db, ConnectorCatalog catalog, TimeProvider time)
{
    /// <summary>Drafts, most recently saved first; <paramref name="search"/> filters by name (case-insensitive).</summary>
    public async Task<IReadOnlyList<DraftListItem>> ListAsync(string? search, CancellationToken cancellationToken)
    {
        // Drafts are few (people's work in progress): filtering in memory keeps the search the same on both engines.
        var rows = await db.Drafts.AsNoTracking()
            .Select(d => new DraftListItem(d.Id, d.Name, d.Version, d.UpdatedAt, d.UpdatedBy))
            .ToListAsync(cancellationToken);
        var term = search?.Trim() ?? "";
        return rows.Where(d => d.Name.Contains(term, StringComparison.OrdinalIgnoreCase)).OrderByDescending(d => d.UpdatedAt).ToList();
    }

    /// <summary>A new draft from one of Core's templates.</summary>
    public Task<Guid> CreateAsync(string name, ConnectorType type, Caller caller, CancellationToken cancellationToken)
    {
        var package = type == ConnectorType.EasyRest
            ? ConnectorTemplates.EasyRest(name, Guid.NewGuid(), Guid.NewGuid())
            : ConnectorTemplates.Custom(name, Guid.NewGuid(), Guid.NewGuid());
        return AddAsync(package, caller, cancellationToken);
    }

    /// <summary>A new draft from an uploaded <c>.bizc</c>; refused (null and the problems) when it cannot be read at all.</summary>
    public async Task<(Guid? Id, IReadOnlyList<Diagnostic> Diagnostics)> ImportAsync(Stream bizc, string fileName, Caller caller, CancellationToken cancellationToken)
    {
        var read = await BizcReader.ReadAsync(bizc, fileName, PackageLimits.Default, cancellationToken);
        if (read.Package is null)
        {
            return (null, read.Diagnostics);
        }

        return (await AddAsync(read.Package, caller, cancellationToken), read.Diagnostics);
    }

    /// <summary>
    /// A new Easy REST draft generated from an OpenAPI or Swagger document (docs/openapi-import.md); no draft when the
    /// document cannot be read at all. The result carries the import report either way, and the failure naming its place.
    /// </summary>
    public async Task<(Guid? Id, OpenApiImportResult Result)> ImportOpenApiAsync(string document, OpenApiImportOptions options, Caller caller, CancellationToken cancellationToken)
    {
        var result = OpenApiImporter.Import(document, options);
        return result.Package is { } package ? (await AddAsync(package, caller, cancellationToken), result) : (null, result);
    }

    /// <summary>A new draft from the current version of an installed connector's major version.</summary>
    /// <exception cref="CatalogNotFoundException">No such connector or major version.</exception>
    public async Task<Guid> FromInstalledAsync(string name, int major, Caller caller, CancellationToken cancellationToken)
    {
        var installed = await catalog.GetCurrentAsync(name, major, cancellationToken)
            ?? throw new CatalogNotFoundException($"{name} has no major version {major}.");
        return await AddAsync(installed.Package, caller, cancellationToken);
    }

    /// <summary>The draft's package and its revision (the save to name when saving it again), or null when there is no such draft.</summary>
    public async Task<Draft?> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        using var bytes = new MemoryStream(row.Package);
        var read = await BizcReader.ReadAsync(bytes, $"{row.Name}.bizc", PackageLimits.Default, cancellationToken);
        return new Draft(row.Id, read.Package ?? throw new ConnectorLoadException(read.Diagnostics), new DraftRevision(row.Revision, row.UpdatedAt, row.UpdatedBy));
    }

    /// <summary>
    /// Replaces the draft's package with the person's current work, provided nobody saved it since
    /// <paramref name="revision"/>, the revision the person's editor opened or last saved.
    /// </summary>
    /// <remarks>
    /// The check and the write are one statement (<c>UPDATE drafts ... WHERE "Id" = @id AND "Revision" = @revision</c>),
    /// so of two saves from the same revision exactly one changes the row: SQLite runs one writer at a time, and
    /// PostgreSQL makes the second wait for the first's row lock, then evaluates its WHERE on the row the first
    /// committed. The loser finds no row to update; only then is the row read again, to say who won.
    /// </remarks>
    /// <returns>The revision this save made: the one to name next time.</returns>
    /// <exception cref="DraftConflictException">Someone saved the draft after <paramref name="revision"/>; nothing was stored.</exception>
    /// <exception cref="DraftNotFoundException">The draft was deleted meanwhile.</exception>
    public async Task<DraftRevision> SaveAsync(Guid id, long revision, ConnectorPackage package, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(caller);
        var row = Record(id, revision + 1, package, caller);
        var saved = await db.Drafts.Where(d => d.Id == id && d.Revision == revision).ExecuteUpdateAsync(
            set => set
                .SetProperty(d => d.Name, row.Name)
                .SetProperty(d => d.Version, row.Version)
                .SetProperty(d => d.Package, row.Package)
                .SetProperty(d => d.UpdatedAt, row.UpdatedAt)
                .SetProperty(d => d.UpdatedBy, row.UpdatedBy)
                .SetProperty(d => d.Revision, row.Revision),
            cancellationToken);
        if (saved == 1)
        {
            return new DraftRevision(row.Revision, row.UpdatedAt, row.UpdatedBy);
        }

        var stored = await db.Drafts.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new DraftRevision(d.Revision, d.UpdatedAt, d.UpdatedBy))
            .FirstOrDefaultAsync(cancellationToken);
        throw stored is null ? new DraftNotFoundException(id) : new DraftConflictException(id, stored);
    }

    /// <summary>Removes the draft; false when there was none.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Drafts.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task<Guid> AddAsync(ConnectorPackage package, Caller caller, CancellationToken cancellationToken)
    {
        var row = Record(Guid.CreateVersion7(), 1, package, caller);
        db.Drafts.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row.Id;
    }

    private DraftRecord Record(Guid id, long revision, ConnectorPackage package, Caller caller)
    {
        // PostgreSQL keeps microseconds: round here so the time a save answers is the time it stored.
        var now = time.GetUtcNow();
        return new DraftRecord
        {
            Id = id,
            Name = Limit(package.Definition.Name, 200),
            Version = Limit(package.Definition.Version, 100),
            Package = BizcWriter.ToBytes(package),
            UpdatedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond)),
            UpdatedBy = caller.Name,
            Revision = revision,
        };
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}
