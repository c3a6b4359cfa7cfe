namespace Patchbay.Hub.Storage;

/// <summary>
/// Proves that the data folder can hold the hub's state (created if missing, a few KiB written and synced, then
/// removed). At start a full or read-only folder stops the hub with one sentence naming the folder and the reason,
/// instead of a provider's stack trace from deep inside the first migration or key ring write; later it tells a
/// database file error of SQLite (which only says "disk I/O error") apart: full, read-only, or something else.
/// </summary>
public static class DataFolderCheck
{
    private const string ProbeName = ".patchbay-write-check";
    private const int NoSpaceLeft = 28; // ENOSPC, kept as the IOException's HResult on Unix
    private const int ReadOnlyFileSystem = 30; // EROFS

    public static void EnsureWritable(string folder)
    {
        var (problem, error) = Probe(folder);
        if (problem != DataFolderProblem.None)
        {
            throw new DataFolderException(folder, Reason(problem, error!), error!);
        }
    }

    /// <summary>What keeps the folder from being written, and the error that said so; <see cref="DataFolderProblem.None"/> when it can be.</summary>
    public static (DataFolderProblem Problem, Exception? Error) Probe(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, ProbeName);
            using (var stream = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough))
            {
                stream.Write(new byte[4096]); // a page: an empty file fits even on a full disk
                stream.Flush(flushToDisk: true);
            }

            File.Delete(probe);
            return (DataFolderProblem.None, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (Classify(e), e);
        }
    }

    /// <summary>What a failed write says of the folder: full (ENOSPC), read-only (EROFS), not permitted, or something else.</summary>
    public static DataFolderProblem Classify(Exception error) => error switch
    {
        IOException { HResult: NoSpaceLeft } => DataFolderProblem.Full,
        IOException { HResult: ReadOnlyFileSystem } => DataFolderProblem.ReadOnly,
        UnauthorizedAccessException => DataFolderProblem.NotPermitted,
        _ => DataFolderProblem.Other,
    };

    private static string Reason(DataFolderProblem problem, Exception error) => problem switch
    {
        DataFolderProblem.Full => "it has no space left",
        DataFolderProblem.ReadOnly => "it is on a read-only file system",
        DataFolderProblem.NotPermitted => "the hub may not write there (permissions, or a read-only file system)",
        _ => error.Message,
    };
}

/// <summary>Why the data folder cannot be written.</summary>
public enum DataFolderProblem
{
    None,
    Full,
    ReadOnly,
    NotPermitted,
    Other,
}

/// <summary>The data folder cannot hold the hub's state; the message names the folder and why, for the operator.</summary>
public sealed class DataFolderException(string folder, string reason, Exception inner)
    : Exception($"The data folder {folder} cannot be used: {reason}.", inner)
{
    public string Folder { get; } = folder;
}
