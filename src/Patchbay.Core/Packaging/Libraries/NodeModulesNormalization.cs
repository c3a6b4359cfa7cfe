using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Packaging.Libraries;

/// <summary>The result of <see cref="NodeModulesLayout.Normalize"/>: the connector's files with a flat node_modules, and warnings.</summary>
public sealed record NodeModulesNormalization(FileSet Files, IReadOnlyList<Diagnostic> Diagnostics);
