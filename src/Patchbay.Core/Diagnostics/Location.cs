namespace Patchbay.Core.Diagnostics;

/// <summary>Where a problem is: a file of the package or source folder, and a path inside it.</summary>
/// <param name="File">The file, relative to the package or folder root, with '/' separators.</param>
/// <param name="Path">A JSON path (<c>actions[2].input.customer.id</c>), an XSD path, a zip entry or a line:column; null for the whole file.</param>
public readonly record struct Location(string File, string? Path = null)
{
    public override string ToString() => Path is null ? File : $"{File}: {Path}";
}
