namespace Patchbay.Core.Packaging.Libraries;

/// <summary>What <see cref="LibraryZipWriter"/> wrote.</summary>
/// <param name="FileCount">The number of file entries written.</param>
/// <param name="SkippedLinks">Symbolic links (and junctions) found and left out, relative to the folder, with '/' separators.</param>
public sealed record LibraryZipWriteResult(int FileCount, IReadOnlyList<string> SkippedLinks);
