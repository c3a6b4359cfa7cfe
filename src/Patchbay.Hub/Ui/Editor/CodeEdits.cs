using Patchbay.Core.Authoring;
using Patchbay.Core.Model;

namespace Patchbay.Hub.Ui.Editor;

/// <summary>
/// Edits of the code files the editor shows in its code editors: an action's <c>actions/&lt;name&gt;.js</c> and
/// <c>auth/auth.js</c>. A missing one is created from Core's template, never silently replaced when present.
/// </summary>
public static class CodeEdits
{
    /// <summary>The package with <paramref name="code"/> as the text of the file at <paramref name="path"/>.</summary>
    public static ConnectorPackage SetCode(ConnectorPackage package, string path, string code)
    {
        ArgumentNullException.ThrowIfNull(package);
        return package.Files.GetText(path) == code ? package : package with { Files = package.Files.WithText(path, code) };
    }

    /// <summary>
    /// The package with the file at <paramref name="path"/> created from its template (an authenticator for
    /// <c>auth/auth.js</c>, the <c>invoke</c> template for an action) if it is missing; unchanged otherwise.
    /// </summary>
    public static ConnectorPackage CreateIfMissing(ConnectorPackage package, string path)
    {
        ArgumentNullException.ThrowIfNull(package);
        return package.Files.Contains(path) ? package : SetCode(package, path, TemplateFor(path));
    }

    private static string TemplateFor(string path) =>
        path == ConnectorPaths.Authenticator ? ConnectorTemplates.AuthenticatorCode : ConnectorTemplates.ActionCode;
}
