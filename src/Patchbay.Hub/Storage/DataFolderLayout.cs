namespace Patchbay.Hub.Storage;

/// <summary>What a hub keeps in its data folder, named once for the storage, the runtime and the backup.</summary>
public static class DataFolderLayout
{
    /// <summary>The hub's SQLite database.</summary>
    public const string Database = "patchbay.db";

    /// <summary>Hangfire's SQLite database: the async job queue.</summary>
    public const string JobDatabase = "jobs.db";

    /// <summary>The Data Protection key ring (SQLite mode; on PostgreSQL it is in the database).</summary>
    public const string KeyRing = "keys";

    /// <summary>config.properties, autotesting files and the CA certificates handed to the runtime.</summary>
    public const string Platform = "platform";
}
