using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;
using Semver;

namespace Patchbay.Hub.Connectors;

/// <summary>
/// Installed connectors and their versions, with Bizagi's rules: a new major version is added beside the
/// others; a new minor or patch of an installed major replaces it, and the replaced one stays in history.
/// </summary>
public sealed class ConnectorCatalog(HubDb db, IMemoryCache cache, CatalogReadCache reads, TimeProvider time)
{
    /// <summary>How long a read package stays in memory after its last use; versions never change, so this only bounds memory.</summary>
    private static readonly TimeSpan KeepRead = TimeSpan.FromMinutes(10);

    /// <summary>The current version of a connector's major version, or null when there is none.</summary>
    public async Task<InstalledConnector?> GetCurrentAsync(string name, int major, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.ToLowerInvariant();
        var row = await reads.GetOrReadAsync($"current {major} {key}", () => db.ConnectorVersions.AsNoTracking()
            .Where(v => v.Connector!.NameKey == key && v.Major == major && v.IsCurrent)
            .Select(v => new CurrentVersion(v.Id, v.ConnectorId, v.Connector!.Name, v.Version))
            .FirstOrDefaultAsync(cancellationToken));
        if (row is null)
        {
            return null;
        }

        var package = await ReadPackageAsync(row.Id, cancellationToken);
        return new InstalledConnector(row.ConnectorId, row.Name, major, row.Id, row.Version, package);
    }

    /// <summary>Installs a package that Core has read and validated; the caller saves nothing else in this context.</summary>
    /// <exception cref="CatalogConflictException">Another connector has the name, or the version is not newer than the installed one.</exception>
    public Task<InstallResult> InstallAsync(ConnectorPackage package, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(caller);
        var bytes = BizcWriter.ToBytes(package);
        return SerializedWrite.RunAsync(db, () => InstallOnceAsync(package.Definition, bytes, caller, cancellationToken), cancellationToken);
    }

    /// <summary>Makes a historical version of a major current again; the one current before goes to history.</summary>
    /// <exception cref="CatalogNotFoundException">No such connector, major version, or version of that major.</exception>
    public Task<InstallResult> RestoreAsync(string name, int major, Guid versionId, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(caller);
        return SerializedWrite.RunAsync(db, () => RestoreOnceAsync(name, major, versionId, caller, cancellationToken), cancellationToken);
    }

    /// <summary>Removes a major version: all its versions and its configuration in every environment; the connector too when it was its last.</summary>
    /// <exception cref="CatalogNotFoundException">No such connector or major version.</exception>
    public Task DeleteMajorAsync(string name, int major, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(caller);
        return SerializedWrite.RunAsync(db, () => DeleteOnceAsync(name, major, caller, cancellationToken), cancellationToken);
    }

    /// <summary>Removes a connector entirely: every version and all its configuration.</summary>
    /// <exception cref="CatalogNotFoundException">No such connector.</exception>
    public Task DeleteAsync(string name, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(caller);
        return SerializedWrite.RunAsync(db, () => DeleteOnceAsync(name, null, caller, cancellationToken), cancellationToken);
    }

    /// <summary>A stored version's package, read once and kept in memory (versions are immutable).</summary>
    public async Task<ConnectorPackage> ReadPackageAsync(Guid versionId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey(versionId), out ConnectorPackage? cached) && cached is not null)
        {
            return cached;
        }

        var bytes = await db.ConnectorVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => v.Package).FirstAsync(cancellationToken);
        using var stream = new MemoryStream(bytes, writable: false);
        var read = await BizcReader.ReadAsync(stream, $"version {versionId}.bizc", PackageLimits.Default, cancellationToken);
        var package = read.GetPackageOrThrow();
        cache.Set(CacheKey(versionId), package, new MemoryCacheEntryOptions { SlidingExpiration = KeepRead });
        return package;
    }

    private async Task<InstallResult> InstallOnceAsync(ConnectorDefinition definition, byte[] bytes, Caller caller, CancellationToken cancellationToken)
    {
        var version = SemVersion.Parse(definition.Version, SemVersionStyles.Strict);
        var major = checked((int)version.Major);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var now = time.GetUtcNow();

        var key = definition.Name.ToLowerInvariant();
        var connector = await db.Connectors.FirstOrDefaultAsync(c => c.NameKey == key, cancellationToken);
        if (connector is not null && !string.Equals(connector.GlobalGuid, definition.GlobalGuid, StringComparison.OrdinalIgnoreCase))
        {
            throw new CatalogConflictException($"Another connector named '{connector.Name}' is installed (globalguid {connector.GlobalGuid}, this package has {definition.GlobalGuid}); rename one of them or delete the installed one first.");
        }

        var current = connector is null ? null : await db.ConnectorVersions.FirstOrDefaultAsync(v => v.ConnectorId == connector.Id && v.Major == major && v.IsCurrent, cancellationToken);
        if (current is not null && current.Sha256 == sha)
        {
            return new InstallResult(InstallOutcome.Unchanged, connector!.Id, current.Id, connector.Name, major, current.Version, null);
        }

        if (current is not null && SemVersion.Parse(current.Version, SemVersionStyles.Strict).ComparePrecedenceTo(version) >= 0)
        {
            throw new CatalogConflictException($"{definition.Name} {definition.Version} is not newer than the installed {current.Version} of major version {major}; raise the version, or restore an earlier one from the history.");
        }

        var earlier = connector is null ? null : await FindInHistoryAsync(connector.Id, major, version, cancellationToken);
        if (earlier is not null && earlier.Sha256 != sha)
        {
            throw new CatalogConflictException($"{definition.Name} {earlier.Version} is in the history of major version {major} with other content; raise the version, or restore that one from the history.");
        }

        connector ??= db.Connectors.Add(new ConnectorRecord { Id = Guid.CreateVersion7(), Name = definition.Name, NameKey = key, GlobalGuid = definition.GlobalGuid, CreatedAt = now }).Entity;
        connector.Name = definition.Name; // the newest upload decides the name's case
        var next = earlier ?? db.ConnectorVersions.Add(new ConnectorVersionRecord
        {
            Id = Guid.CreateVersion7(),
            ConnectorId = connector.Id,
            Major = major,
            Version = definition.Version,
            Package = bytes,
            Sha256 = sha,
            UploadedBy = caller.Name,
        }).Entity;

        // The very package uploaded again (after a restore of an older one) is the same row made current: one row per version.
        next.UploadedAt = now;
        next.UploadedBy = caller.Name;
        MakeCurrent(next, current, now);
        var outcome = current is null ? InstallOutcome.AddedMajor : InstallOutcome.ReplacedVersion;
        AuditLog.Record(db, caller, "connector.install", $"{definition.Name} {definition.Version}", new { outcome, replaced = current?.Version, sha256 = sha }, time);
        await db.SaveChangesAsync(cancellationToken);
        return new InstallResult(outcome, connector.Id, next.Id, connector.Name, major, definition.Version, current?.Version);
    }

    private async Task<InstallResult> RestoreOnceAsync(string name, int major, Guid versionId, Caller caller, CancellationToken cancellationToken)
    {
        var connector = await FindAsync(name, cancellationToken);
        var versions = await db.ConnectorVersions.Where(v => v.ConnectorId == connector.Id && v.Major == major && (v.IsCurrent || v.Id == versionId)).ToListAsync(cancellationToken);
        var restored = versions.Find(v => v.Id == versionId)
            ?? throw new CatalogNotFoundException($"{connector.Name} major version {major} has no version with id {versionId}.");
        var current = versions.Find(v => v.IsCurrent);
        if (restored == current)
        {
            return new InstallResult(InstallOutcome.Unchanged, connector.Id, restored.Id, connector.Name, major, restored.Version, null);
        }

        MakeCurrent(restored, current, time.GetUtcNow());
        AuditLog.Record(db, caller, "connector.restore", $"{connector.Name} {restored.Version}", new { major, versionId, replaced = current?.Version }, time);
        await db.SaveChangesAsync(cancellationToken);
        return new InstallResult(InstallOutcome.ReplacedVersion, connector.Id, restored.Id, connector.Name, major, restored.Version, current?.Version);
    }

    /// <summary>The one place a major's current version changes: the next one is current, the one before goes to history.</summary>
    private static void MakeCurrent(ConnectorVersionRecord next, ConnectorVersionRecord? current, DateTimeOffset now)
    {
        if (current is not null)
        {
            current.IsCurrent = false;
            current.ReplacedAt = now;
        }

        next.IsCurrent = true;
        next.ReplacedAt = null;
    }

    /// <summary>A replaced version of the major with the same precedence as <paramref name="version"/>, or null; packages are not loaded to find it.</summary>
    private async Task<ConnectorVersionRecord?> FindInHistoryAsync(Guid connectorId, int major, SemVersion version, CancellationToken cancellationToken)
    {
        var replaced = await db.ConnectorVersions.AsNoTracking()
            .Where(v => v.ConnectorId == connectorId && v.Major == major && !v.IsCurrent)
            .Select(v => new { v.Id, v.Version })
            .ToListAsync(cancellationToken);
        var same = replaced.Find(v => SemVersion.Parse(v.Version, SemVersionStyles.Strict).ComparePrecedenceTo(version) == 0);
        return same is null ? null : await db.ConnectorVersions.FirstAsync(v => v.Id == same.Id, cancellationToken);
    }

    /// <summary>Deletes one major (or, when <paramref name="major"/> is null, the whole connector) with its configuration.</summary>
    private async Task<bool> DeleteOnceAsync(string name, int? major, Caller caller, CancellationToken cancellationToken)
    {
        var connector = await FindAsync(name, cancellationToken);
        var versions = await db.ConnectorVersions.Where(v => v.ConnectorId == connector.Id).Select(v => new { v.Id, v.Major }).ToListAsync(cancellationToken);
        if (major is not null && !versions.Any(v => v.Major == major))
        {
            throw new CatalogNotFoundException($"{connector.Name} has no major version {major}.");
        }

        // Set-based deletes: the packages are not loaded; the database cascades to versions, configuration and values.
        if (major is null || versions.All(v => v.Major == major))
        {
            await db.Connectors.Where(c => c.Id == connector.Id).ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            await db.ConnectorVersions.Where(v => v.ConnectorId == connector.Id && v.Major == major).ExecuteDeleteAsync(cancellationToken);
            await db.ConnectorConfigs.Where(c => c.ConnectorId == connector.Id && c.Major == major).ExecuteDeleteAsync(cancellationToken);
        }

        var target = major is null ? connector.Name : $"{connector.Name} major {major}";
        AuditLog.Record(db, caller, "connector.delete", target, new { major, versions = versions.Count(v => major is null || v.Major == major) }, time);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<ConnectorRecord> FindAsync(string name, CancellationToken cancellationToken)
    {
        var key = name.ToLowerInvariant();
        return await db.Connectors.FirstOrDefaultAsync(c => c.NameKey == key, cancellationToken)
            ?? throw new CatalogNotFoundException($"No connector named '{name}' is installed.");
    }

    private static string CacheKey(Guid versionId) => "package:" + versionId;

    private sealed record CurrentVersion(Guid Id, Guid ConnectorId, string Name, string Version);
}

/// <summary>An install or restore that contradicts what is installed (answered with 409).</summary>
public sealed class CatalogConflictException(string message) : Exception(message);

/// <summary>A connector, major version or version that is not installed (answered with 404).</summary>
public sealed class CatalogNotFoundException(string message) : Exception(message);
