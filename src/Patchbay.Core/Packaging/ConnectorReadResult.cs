using System.Diagnostics.CodeAnalysis;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Packaging;

/// <summary>What reading a <c>.bizc</c> or a source folder gave: the package (when it could be built) and every problem found.</summary>
public sealed record ConnectorReadResult(ConnectorPackage? Package, IReadOnlyList<Diagnostic> Diagnostics)
{
    [MemberNotNullWhen(true, nameof(Package))]
    public bool Succeeded => Package is not null && !Diagnostics.Any(d => d.IsError);

    /// <summary>The package, or a <see cref="ConnectorLoadException"/> listing the errors.</summary>
    public ConnectorPackage GetPackageOrThrow() => Succeeded ? Package : throw new ConnectorLoadException(Diagnostics);
}
