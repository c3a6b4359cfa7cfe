namespace Patchbay.Core.Packaging.Libraries;

/// <summary>A package of a connector's libraries, with the names of the packages that need it.</summary>
/// <param name="Package">The package: name, version, licence and folder under <c>node_modules/</c>.</param>
/// <param name="NeededBy">The packages whose package.json declares it and resolves to it; empty for one nothing needs.</param>
public sealed record ConnectorLibrary(LibraryPackage Package, IReadOnlyList<string> NeededBy);
