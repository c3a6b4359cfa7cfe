using System.Diagnostics.CodeAnalysis;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Packaging.Libraries;

/// <summary>What <see cref="LibraryZipInspector"/> found: the library's files and packages, or why it was rejected.</summary>
/// <param name="Files">
/// The files keyed by package-relative path (<c>axios/package.json</c>), without <c>.bin/</c> folders and
/// <c>.package-lock.json</c>; null when there were errors.
/// </param>
/// <param name="Packages">Every package, top-level and nested, ordered by folder; empty when there were errors.</param>
/// <param name="Diagnostics">Errors (the zip is rejected) and warnings (it is accepted).</param>
public sealed record LibraryInspection(FileSet? Files, IReadOnlyList<LibraryPackage> Packages, IReadOnlyList<Diagnostic> Diagnostics)
{
    [MemberNotNullWhen(true, nameof(Files))]
    public bool IsValid => Files is not null;

    internal static LibraryInspection Rejected(IReadOnlyList<Diagnostic> diagnostics) => new(null, [], diagnostics);
}
