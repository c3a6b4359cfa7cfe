using Microsoft.EntityFrameworkCore;
using Patchbay.Core.Model;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Connectors;

/// <summary>The read side of the catalog: lists, details, history and stored packages. Null means "not installed".</summary>
public sealed class ConnectorReader(HubDb db, ConnectorCatalog catalog)
{
    /// <summary>Every connector with its current versions; <paramref name="search"/> matches name or description, ignoring case.</summary>
    public async Task<IReadOnlyList<ConnectorListItem>> ListAsync(string? search, CancellationToken cancellationToken)
    {
        var currents = await CurrentRows(db.ConnectorVersions).ToListAsync(cancellationToken);
        var items = new List<ConnectorListItem>();
        foreach (var connector in currents.GroupBy(r => r.ConnectorId))
        {
            var majors = connector.OrderBy(r => r.Major).ToList();
            var newest = (await catalog.ReadPackageAsync(majors[^1].Id, cancellationToken)).Definition;
            items.Add(new ConnectorListItem(majors[0].Name, newest.Description, newest.Type, [.. majors.Select(ToSummary)]));
        }

        return [.. items
            .Where(i => string.IsNullOrWhiteSpace(search)
                || i.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
                || i.Description.Contains(search, StringComparison.OrdinalIgnoreCase))
            .OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>A connector's definition (from its newest major), every version, and each current major's actions.</summary>
    public async Task<ConnectorDetail?> ShowAsync(string name, CancellationToken cancellationToken)
    {
        var connector = await FindAsync(name, cancellationToken);
        if (connector is null)
        {
            return null;
        }

        var currents = (await CurrentRows(db.ConnectorVersions.Where(v => v.ConnectorId == connector.Id)).ToListAsync(cancellationToken)).OrderBy(r => r.Major).ToList();
        if (currents.Count == 0)
        {
            return null;
        }

        var majors = new List<MajorDetail>();
        foreach (var row in currents)
        {
            majors.Add(await DetailAsync(row, cancellationToken));
        }

        var newest = (await catalog.ReadPackageAsync(currents[^1].Id, cancellationToken)).Definition;
        return new ConnectorDetail(
            connector.Name,
            connector.GlobalGuid,
            newest.Description,
            newest.Author,
            newest.Website,
            newest.Type,
            new AuthenticationView(newest.Authentication.Method, newest.Authentication.Grant, [.. newest.Authentication.Parameters.Select(ParameterView.From)]),
            [.. newest.Parameters.Select(ParameterView.From)],
            [.. newest.Errors],
            majors,
            await VersionsAsync(connector.Id, null, cancellationToken));
    }

    /// <summary>The current version of a major with its actions and trees.</summary>
    public async Task<MajorDetail?> MajorAsync(string name, int major, CancellationToken cancellationToken)
    {
        var key = name.ToLowerInvariant();
        var row = await CurrentRows(db.ConnectorVersions.Where(v => v.Connector!.NameKey == key && v.Major == major)).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : await DetailAsync(row, cancellationToken);
    }

    /// <summary>Every version of a major, current and replaced, newest upload first.</summary>
    public async Task<IReadOnlyList<VersionEntry>?> HistoryAsync(string name, int major, CancellationToken cancellationToken)
    {
        var connector = await FindAsync(name, cancellationToken);
        if (connector is null)
        {
            return null;
        }

        var versions = await VersionsAsync(connector.Id, major, cancellationToken);
        return versions.Count == 0 ? null : versions;
    }

    /// <summary>A stored <c>.bizc</c> and its file name: the current one of a major, or the version given.</summary>
    public async Task<(string FileName, byte[] Bytes)?> DownloadAsync(string name, int major, Guid? versionId, CancellationToken cancellationToken)
    {
        var key = name.ToLowerInvariant();
        var row = await db.ConnectorVersions.AsNoTracking()
            .Where(v => v.Connector!.NameKey == key && v.Major == major && (versionId == null ? v.IsCurrent : v.Id == versionId))
            .Select(v => new { v.Id, v.Version, v.Package })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var definition = (await catalog.ReadPackageAsync(row.Id, cancellationToken)).Definition;
        return ($"{definition.FolderName}-{row.Version}.bizc", row.Package);
    }

    private static IQueryable<CurrentRow> CurrentRows(IQueryable<ConnectorVersionRecord> versions) =>
        versions.AsNoTracking()
            .Where(v => v.IsCurrent)
            .Select(v => new CurrentRow(v.Id, v.ConnectorId, v.Connector!.Name, v.Major, v.Version, v.UploadedAt, v.UploadedBy));

    private static MajorSummary ToSummary(CurrentRow row) => new(row.Major, row.Version, row.Id, row.UploadedAt, row.UploadedBy);

    private async Task<MajorDetail> DetailAsync(CurrentRow row, CancellationToken cancellationToken)
    {
        ConnectorDefinition definition = (await catalog.ReadPackageAsync(row.Id, cancellationToken)).Definition;
        return new MajorDetail(row.Major, row.Version, row.Id, row.UploadedAt, row.UploadedBy, definition.Description, [.. definition.Actions.Select(ActionView.From)]);
    }

    private Task<ConnectorRecord?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var key = name.ToLowerInvariant();
        return db.Connectors.AsNoTracking().FirstOrDefaultAsync(c => c.NameKey == key, cancellationToken);
    }

    private async Task<IReadOnlyList<VersionEntry>> VersionsAsync(Guid connectorId, int? major, CancellationToken cancellationToken)
    {
        var versions = await db.ConnectorVersions.AsNoTracking()
            .Where(v => v.ConnectorId == connectorId && (major == null || v.Major == major))
            .Select(v => new VersionEntry(v.Id, v.Major, v.Version, v.IsCurrent, v.UploadedAt, v.UploadedBy, v.ReplacedAt, v.Sha256))
            .ToListAsync(cancellationToken);

        // Ordered here: SQLite stores instants as ticks through a converter; ids are version-7 (time-ordered) as a tie-break.
        return [.. versions.OrderByDescending(v => v.Major).ThenByDescending(v => v.UploadedAt).ThenByDescending(v => v.Id)];
    }

    private sealed record CurrentRow(Guid Id, Guid ConnectorId, string Name, int Major, string Version, DateTimeOffset UploadedAt, string UploadedBy);
}
