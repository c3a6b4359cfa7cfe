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
public sealed class ConnectorCatalog(HubDb db, IMemoryCache cache, TimeProvider time)
{
    /// <summary>How long a read package stays in memory after its last use; versions never change, so this only bounds memory.</summary>
    private static readonly TimeSpan KeepRead = TimeSpan.FromMinutes(10);

    /// <summary>The current version of a connector's major version, or null when there is none.</summary>
    public async Task<InstalledConnector?> GetCurrentAsync(string name, int major, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.ToLowerInvariant();
        var row = await db.ConnectorVersions.AsNoTracking()
            .Where(v => v.Connector!.NameKey == key && v.Major == major && v.IsCurrent)
            .Select(v => new { v.Id, v.ConnectorId, v.Connector!.Name, v.Version })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var package = await ReadPackageAsync(row.Id, cancellationToken);
        return new InstalledConnector(row.ConnectorId, row.Name, major, row.Id, row.Version, package);
    }

    /// <summary>Installs a package that Core has read and validated; the caller saves nothing else in this context.</summary>
    /// <exception cref="CatalogConflictException">Another connector has the name, or the version is not newer than the installed one.</exception>
    public async Task<InstallResult> InstallAsync(ConnectorPackage package, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(caller);
        var definition = package.Definition;
        var version = SemVersion.Parse(definition.Version, SemVersionStyles.Strict);
        var major = checked((int)version.Major);
        var bytes = BizcWriter.ToBytes(package);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var now = time.GetUtcNow();

        var key = definition.Name.ToLowerInvariant();
        var connector = await db.Connectors.FirstOrDefaultAsync(c => c.NameKey == key, cancellationToken);
        if (connector is not null && !string.Equals(connector.GlobalGuid, definition.GlobalGuid, StringComparison.OrdinalIgnoreCase))
        {
            throw new CatalogConflictException($"Another connector named '{connector.Name}' is installed (globalguid {connector.GlobalGuid}, this package has {definition.GlobalGuid}); rename one of them or delete the installed one first.");
        }

        connector ??= db.Connectors.Add(new ConnectorRecord { Id = Guid.CreateVersion7(), Name = definition.Name, NameKey = key, GlobalGuid = definition.GlobalGuid, CreatedAt = now }).Entity;
        var current = await db.ConnectorVersions.FirstOrDefaultAsync(v => v.ConnectorId == connector.Id && v.Major == major && v.IsCurrent, cancellationToken);
        if (current is not null && current.Sha256 == sha)
        {
            return new InstallResult(InstallOutcome.Unchanged, connector.Id, current.Id, connector.Name, major, current.Version, null);
        }

        if (current is not null && SemVersion.Parse(current.Version, SemVersionStyles.Strict).ComparePrecedenceTo(version) >= 0)
        {
            throw new CatalogConflictException($"{definition.Name} {definition.Version} is not newer than the installed {current.Version} of major version {major}; raise the version, or restore an earlier one from the history.");
        }

        if (current is not null)
        {
            current.IsCurrent = false;
            current.ReplacedAt = now;
        }

        connector.Name = definition.Name; // the newest upload decides the name's case
        var added = db.ConnectorVersions.Add(new ConnectorVersionRecord
        {
            Id = Guid.CreateVersion7(),
            ConnectorId = connector.Id,
            Major = major,
            Version = definition.Version,
            IsCurrent = true,
            Package = bytes,
            Sha256 = sha,
            UploadedAt = now,
            UploadedBy = caller.Name,
        }).Entity;
        var outcome = current is null ? InstallOutcome.AddedMajor : InstallOutcome.ReplacedVersion;
        AuditLog.Record(db, caller, "connector.install", $"{definition.Name} {definition.Version}", new { outcome, replaced = current?.Version, sha256 = sha }, time);
        await db.SaveChangesAsync(cancellationToken);
        return new InstallResult(outcome, connector.Id, added.Id, connector.Name, major, definition.Version, current?.Version);
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

    private static string CacheKey(Guid versionId) => "package:" + versionId;
}

/// <summary>An install or restore that contradicts what is installed (answered with 409).</summary>
public sealed class CatalogConflictException(string message) : Exception(message);
