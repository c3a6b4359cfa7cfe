namespace Patchbay.Core.Packaging.Zip;

/// <summary>The stable codes of the diagnostics about an uploaded zip itself (a .bizc or a library).</summary>
public static class ZipDiagnosticCodes
{
    public const string InvalidZip = "invalid-zip";
    public const string UnreadableEntry = "unreadable-entry";
    public const string UnsafePath = "unsafe-path";
    public const string Symlink = "symlink";
    public const string DuplicateEntry = "duplicate-entry";
    public const string TooManyFiles = "too-many-files";
    public const string TooLarge = "too-large";
    public const string EntryTooLarge = "entry-too-large";
}
