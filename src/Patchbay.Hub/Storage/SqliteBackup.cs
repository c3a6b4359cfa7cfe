using Microsoft.Data.Sqlite;

namespace Patchbay.Hub.Storage;

/// <summary>What a backup wrote.</summary>
/// <param name="DatabaseBytes">The size of the copied database.</param>
/// <param name="KeyFiles">How many Data Protection keys were copied.</param>
/// <param name="PlatformFiles">How many files of the platform folder (config.properties, autotesting, CAs) were copied.</param>
public sealed record BackupSummary(long DatabaseBytes, int KeyFiles, int PlatformFiles);

/// <summary>
/// A consistent copy of a SQLite hub's state, taken while the hub runs: the database through SQLite's online backup
/// (a snapshot, whatever is being written meanwhile), then the key ring, then the platform folder. Installed
/// connectors' files (<c>runtime/</c>) are not copied: the hub rebuilds them from the database.
/// </summary>
public static class SqliteBackup
{
    public const string DatabaseFile = "patchbay.db";
    public const string KeyRingFolder = "keys";
    public const string PlatformFolder = "platform";

    /// <exception cref="BackupException">The data folder holds no hub, the target is not empty, or the copy is not sound.</exception>
    public static BackupSummary Write(string dataFolder, string target)
    {
        var database = Path.Combine(dataFolder, DatabaseFile);
        if (!File.Exists(database))
        {
            throw new BackupException($"{database}: there is no hub database here. Give the data folder of a SQLite hub; back up a PostgreSQL hub with pg_dump.");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BackupException($"{target}: the folder is not empty; give a new one, so that no older backup is mixed in.");
        }

        Directory.CreateDirectory(target);
        var copy = Path.Combine(target, DatabaseFile);
        using (var source = new SqliteConnection($"Data Source={database};Mode=ReadWrite;Pooling=False"))
        using (var destination = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            source.Open();
            source.BackupDatabase(destination);
            destination.Open();
            using var check = destination.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            if (check.ExecuteScalar() as string is not "ok" and var result)
            {
                throw new BackupException($"{copy}: the copy fails SQLite's integrity check ({result}); the hub's database may be damaged.");
            }
        }

        // After the database: keys are only ever added, so this copy holds every key the copied secrets need.
        var keys = CopyFolder(Path.Combine(dataFolder, KeyRingFolder), Path.Combine(target, KeyRingFolder));
        var platform = CopyFolder(Path.Combine(dataFolder, PlatformFolder), Path.Combine(target, PlatformFolder));
        return new BackupSummary(new FileInfo(copy).Length, keys, platform);
    }

    private static int CopyFolder(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return 0;
        }

        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
            count++;
        }

        return count;
    }
}

/// <summary>A backup that could not be taken, with the path at fault and the reason.</summary>
public sealed class BackupException(string message) : Exception(message);
