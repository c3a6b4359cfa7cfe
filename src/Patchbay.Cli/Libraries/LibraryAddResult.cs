using Patchbay.Core.Diagnostics;
using Patchbay.Core.Packaging.Libraries;

namespace Patchbay.Cli.Libraries;

/// <summary>What <see cref="LibraryInstaller.AddAsync"/> did.</summary>
/// <param name="Added">The top-level packages now in <c>libraries/</c> (replaced ones included).</param>
/// <param name="Replaced">The packages whose previous folder was replaced, with both versions.</param>
/// <param name="Diagnostics">Why the zip was rejected (nothing was changed), or warnings.</param>
internal sealed record LibraryAddResult(
    IReadOnlyList<LibraryPackage> Added, IReadOnlyList<LibraryReplacement> Replaced, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}
