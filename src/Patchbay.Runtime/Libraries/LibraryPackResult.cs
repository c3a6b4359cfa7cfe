using System.Diagnostics.CodeAnalysis;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Packaging.Libraries;

namespace Patchbay.Runtime.Libraries;

/// <summary>What <see cref="LibraryPacker.PackAsync"/> produced.</summary>
/// <param name="ZipPath">The written zip's full path; null when nothing was written.</param>
/// <param name="Packages">Every package in the zip (top-level and nested), ordered by folder.</param>
/// <param name="Diagnostics">Why packing failed (npm's error, or what the inspector rejected), or warnings.</param>
public sealed record LibraryPackResult(string? ZipPath, IReadOnlyList<LibraryPackage> Packages, IReadOnlyList<Diagnostic> Diagnostics)
{
    [MemberNotNullWhen(true, nameof(ZipPath))]
    public bool Succeeded => ZipPath is not null;
}
