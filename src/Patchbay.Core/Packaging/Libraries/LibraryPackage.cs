namespace Patchbay.Core.Packaging.Libraries;

/// <summary>One npm package found in a library.</summary>
/// <param name="Name">The name Node resolves it by: its folder name (<c>axios</c>, <c>@scope/name</c>).</param>
/// <param name="Version">The <c>version</c> of its package.json, or null when it has none.</param>
/// <param name="Folder">
/// Its folder relative to the library root, without a trailing '/': <c>axios</c> for a top-level package,
/// <c>request/node_modules/qs</c> for a second version nested under the package that needs it.
/// </param>
/// <param name="License">The licence its package.json declares (an SPDX expression such as <c>MIT</c>), or null when it declares none.</param>
public sealed record LibraryPackage(string Name, string? Version, string Folder, string? License = null)
{
    /// <summary>True for a package at the library root, false for one nested under another package's node_modules.</summary>
    public bool IsTopLevel => Folder == Name;

    public override string ToString() => Version is null ? Name : $"{Name}@{Version}";
}
