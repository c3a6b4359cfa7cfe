using Microsoft.Data.Sqlite;

namespace Patchbay.Hub.Storage;

/// <summary>What a backup wrote.</summary>
/// <param name="DatabaseBytes">The size of the copied databases (the hub's and the job queue's).</param>
/// <param name="KeyFiles">How many Data Protection keys were copied.</param>
/// <param name="PlatformFiles">How many files of the platform folder (config.properties, autotesting, CAs) were copied.</param>
public sealed record BackupSummary(long DatabaseBytes, int KeyFiles, int PlatformFiles);

/// <summary>
/// A consistent copy of a SQLite hub's state, taken while the hub runs: each database (the hub's, and the job queue's
/// when there is one) through SQLite's online backup (a snapshot, whatever is being written meanwhile), then the key
/// ring, then the platform folder. Installed connectors' files (<c>runtime/</c>) are not copied: the hub rebuilds them
/// from the database.
/// </summary>
public static class SqliteBackup
{
    /// <exception cref="BackupException">The data folder holds no hub, the target is not empty, or a copy is not sound.</exception>
    public static BackupSummary Write(string dataFolder, string target)
    {
        var database = Path.Combine(dataFolder, DataFolderLayout.Database);
        if (!File.Exists(database))
        {
            throw new BackupException($"{database}: there is no hub database here. Give the data folder of a SQLite hub; back up a PostgreSQL hub with pg_dump.");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BackupException($"{target}: the folder is not empty; give a new one, so that no older backup is mixed in.");
        }

        Directory.CreateDirectory(target);
        var bytes = 0L;
        foreach (var file in new[] { DataFolderLayout.Database, DataFolderLayout.JobDatabase }.Where(f => File.Exists(Path.Combine(dataFolder, f))))
        {
            bytes += CopyDatabase(Path.Combine(dataFolder, file), Path.Combine(target, file));
        }

        // After the databases: keys are only ever added, so this copy holds every key the copied secrets need.
        var keys = CopyFolder(Path.Combine(dataFolder, DataFolderLayout.KeyRing), Path.Combine(target, DataFolderLayout.KeyRing));
        var platform = CopyFolder(Path.Combine(dataFolder, DataFolderLayout.Platform), Path.Combine(target, DataFolderLayout.Platform));
        return new BackupSummary(bytes, keys, platform);
    }

    /// <summary>SQLite's online backup of one database, then its integrity check; the copy's size.</summary>
    private static long CopyDatabase(string database, string copy)
    {
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

        return new FileInfo(copy).Length;
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
