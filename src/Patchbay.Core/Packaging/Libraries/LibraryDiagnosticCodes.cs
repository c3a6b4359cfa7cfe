namespace Patchbay.Core.Packaging.Libraries;

/// <summary>The stable codes of the diagnostics about libraries.</summary>
public static class LibraryDiagnosticCodes
{
    public const string InvalidZip = "library-invalid-zip";
    public const string UnreadableEntry = "library-unreadable-entry";
    public const string UnsafePath = "library-unsafe-path";
    public const string Symlink = "library-symlink";
    public const string DuplicateEntry = "library-duplicate-entry";
    public const string TooManyFiles = "library-too-many-files";
    public const string TooLarge = "library-too-large";
    public const string EntryTooLarge = "library-entry-too-large";
    public const string RootFile = "library-root-file";
    public const string IntermediateFolder = "library-intermediate-folder";
    public const string MissingPackageJson = "library-missing-package-json";
    public const string InvalidPackageJson = "library-invalid-package-json";
    public const string MissingDependency = "library-missing-dependency";
    public const string MissingOptionalDependency = "library-missing-optional-dependency";
    public const string Empty = "library-empty";
    public const string FolderFlattened = "library-folder-flattened";
    public const string PackageConflict = "library-package-conflict";
}
