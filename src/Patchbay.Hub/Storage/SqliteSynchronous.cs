namespace Patchbay.Hub.Storage;

/// <summary>
/// How SQLite syncs commits to disk (<c>PRAGMA synchronous</c>) in the hub's database and the job queue's: whether
/// an answer the hub gave survives a power cut or a kernel crash. A process crash loses nothing either way (WAL).
/// </summary>
public enum SqliteSynchronous
{
    /// <summary>An fsync at every commit: what the hub answered is on disk. The default (docs/hub.md, "SQLite durability").</summary>
    Full,

    /// <summary>Syncs at checkpoints only: a power cut may lose the last commits, answered or not; never corrupts the file.</summary>
    Normal,
}
