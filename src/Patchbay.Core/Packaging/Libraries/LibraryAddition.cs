using Patchbay.Core.Model;

namespace Patchbay.Core.Packaging.Libraries;

/// <summary>What <see cref="ConnectorLibraries.Add"/> made of a connector's files.</summary>
/// <param name="Files">The connector's files with the library's packages under <c>node_modules/</c>.</param>
/// <param name="Added">The library's top-level packages (replaced ones included).</param>
/// <param name="Replaced">The top-level packages that were already there, with both versions.</param>
public sealed record LibraryAddition(FileSet Files, IReadOnlyList<LibraryPackage> Added, IReadOnlyList<LibraryReplacement> Replaced);
