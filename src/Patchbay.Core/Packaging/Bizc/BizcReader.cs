using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging.Libraries;
using Patchbay.Core.Packaging.Zip;
using Patchbay.Core.Validation;

namespace Patchbay.Core.Packaging.Bizc;

/// <summary>
/// Reads a <c>.bizc</c> written by Bizagi's Connector Editor, by third-party tools or by Patchbay,
/// and validates it. Libraries stored the Editor's way (<c>node_modules/&lt;library&gt;/&lt;package&gt;</c>)
/// are flattened and bundled <c>bz-util</c> copies dropped (bizagi-compat §7).
/// </summary>
public static class BizcReader
{
    public static async Task<ConnectorReadResult> ReadAsync(Stream bizc, string displayName, PackageLimits limits, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticList();
        var entries = await SafeZipReader.ReadAllAsync(bizc, displayName, limits, diagnostics, cancellationToken).ConfigureAwait(false);
        if (entries is null || diagnostics.HasErrors)
        {
            return new ConnectorReadResult(null, diagnostics);
        }

        return Read(entries, diagnostics);
    }

    /// <summary>Builds and validates the package from a <c>.bizc</c>'s entries, already read safely.</summary>
    internal static ConnectorReadResult Read(Dictionary<string, byte[]> entries, DiagnosticList diagnostics)
    {
        var package = FromEntries(entries, diagnostics);
        if (package is not null)
        {
            diagnostics.AddRange(ConnectorValidator.Validate(package, DefinitionLocations.Bizc));
        }

        return new ConnectorReadResult(package, diagnostics);
    }

    public static async Task<ConnectorReadResult> ReadAsync(string path, PackageLimits limits, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, Path.GetFileName(path), limits, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ConnectorPackage? FromEntries(Dictionary<string, byte[]> entries, DiagnosticList diagnostics)
    {
        if (!entries.TryGetValue(ConnectorPaths.Definition, out var definitionBytes))
        {
            var nested = entries.Keys.FirstOrDefault(k => k.EndsWith("/" + ConnectorPaths.Definition, StringComparison.Ordinal));
            var hint = nested is null ? "" : $" It is at '{nested}': zip the connector's contents, not the folder that holds them.";
            diagnostics.Error("missing-definition", new Location(ConnectorPaths.Definition), $"The package has no {ConnectorPaths.Definition}.{hint}");
            return null;
        }

        var root = JsonFields.ParseObject(FileSet.DecodeText(definitionBytes), ConnectorPaths.Definition, diagnostics);
        if (root is null)
        {
            return null;
        }

        var definition = BizcDefinitionReader.Read(root, diagnostics) with
        {
            Errors = ReadErrors(entries, diagnostics),
        };
        CheckActionsIndex(entries, definition, diagnostics);

        var files = FileSet.From(entries.Where(e => !IsDerived(e.Key)));
        var normalized = NodeModulesLayout.Normalize(files);
        diagnostics.AddRange(normalized.Diagnostics);
        return new ConnectorPackage { Definition = definition, Files = DropDefaults(definition, normalized.Files) };
    }

    private static ValueList<ErrorDefinition> ReadErrors(Dictionary<string, byte[]> entries, DiagnosticList diagnostics)
    {
        if (!entries.TryGetValue(ConnectorPaths.Errors, out var bytes))
        {
            return [];
        }

        var (pairs, error) = JsLiterals.ReadExportedStrings(FileSet.DecodeText(bytes));
        if (pairs is null)
        {
            diagnostics.Error("unreadable-errors-module", new Location(ConnectorPaths.Errors), $"The error catalog cannot be read: {error}.");
            return [];
        }

        return pairs.Select(p => new ErrorDefinition(p.Key, p.Value)).ToValueList();
    }

    /// <summary><c>actions.js</c> is regenerated from the definition; say so when the two disagree.</summary>
    private static void CheckActionsIndex(Dictionary<string, byte[]> entries, ConnectorDefinition definition, DiagnosticList diagnostics)
    {
        if (!entries.TryGetValue(ConnectorPaths.ActionsIndex, out var bytes))
        {
            return;
        }

        var (pairs, _) = JsLiterals.ReadExportedStrings(FileSet.DecodeText(bytes));
        var listed = pairs?.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var defined = definition.Actions.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        if (pairs is null || !listed.SetEquals(defined))
        {
            diagnostics.Warning("actions-index-mismatch", new Location(ConnectorPaths.ActionsIndex), $"actions.js does not list exactly the actions of {ConnectorPaths.Definition}; it will be rewritten from the definition.");
        }
    }

    private static bool IsDerived(string path) =>
        path is ConnectorPaths.Definition or ConnectorPaths.ActionsIndex or ConnectorPaths.Errors;

    /// <summary>Supporting files identical to what the writer generates carry no information: leave them out of the model.</summary>
    private static FileSet DropDefaults(ConnectorDefinition definition, FileSet files)
    {
        var defaults = DefaultFiles.For(definition, files);
        return files.Without(path => defaults.TryGetValue(path, out var text) && files.GetText(path) == text);
    }
}
