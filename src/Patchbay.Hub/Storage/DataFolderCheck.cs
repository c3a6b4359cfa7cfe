namespace Patchbay.Hub.Storage;

/// <summary>
/// Proves at start that the data folder can hold the hub's state (created if missing, a few KiB written and
/// synced, then removed), so a full or read-only folder stops the start with one sentence naming the folder and
/// the reason, instead of a provider's stack trace from deep inside the first migration or key ring write.
/// </summary>
public static class DataFolderCheck
{
    private const string ProbeName = ".patchbay-write-check";
    private const int NoSpaceLeft = 28; // ENOSPC, kept as the IOException's HResult on Unix
    private const int ReadOnlyFileSystem = 30; // EROFS

    public static void EnsureWritable(string folder)
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
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFolderException(folder, Reason(e), e);
        }
    }

    private static string Reason(Exception e) => e switch
    {
        IOException { HResult: NoSpaceLeft } => "it has no space left",
        IOException { HResult: ReadOnlyFileSystem } => "it is on a read-only file system",
        UnauthorizedAccessException => "the hub may not write there (permissions, or a read-only file system)",
        _ => e.Message,
    };
}

/// <summary>The data folder cannot hold the hub's state; the message names the folder and why, for the operator.</summary>
public sealed class DataFolderException(string folder, string reason, Exception inner)
    : Exception($"The data folder {folder} cannot be used: {reason}.", inner)
{
    public string Folder { get; } = folder;
}
