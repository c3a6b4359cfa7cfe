namespace Patchbay.Core.Packaging.Libraries;

/// <summary>The stable codes of the diagnostics about libraries; problems of the zip itself use <see cref="Zip.ZipDiagnosticCodes"/>.</summary>
public static class LibraryDiagnosticCodes
{
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
