using System.Globalization;
using System.Text.RegularExpressions;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Hub.Ui.Editor;

/// <summary>The editor's panels a validation problem can point at.</summary>
public enum EditorPanel
{
    General,
    Actions,
    ConnectorParameters,
    AuthenticationParameters,
    Errors,
    Libraries,
}

/// <summary>
/// Where in the editor a problem found by Core's validator is fixed: its location (a file and a JSON path of the
/// <c>.bizc</c>) mapped to a panel, for an action's problems the action, and the field itself. Fields carry their own
/// location as a <c>data-place</c> attribute (<see cref="Key"/>); a problem is led to the most precise of
/// <see cref="Fields"/> the page shows, so a problem about a member no control edits (a parameter's data type) still
/// reaches the row it belongs to. Code problems carry the line and column for the code editor.
/// </summary>
public sealed partial record ProblemPlace(EditorPanel Panel, int? ActionIndex)
{
    /// <summary>The <c>data-place</c> keys that may show the problem, the most precise first.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>The line of a code problem (1-based), for the code editor.</summary>
    public int? Line { get; init; }

    public int? Column { get; init; }

    /// <summary>The <c>data-place</c> value of a field that edits what <paramref name="location"/> names.</summary>
    public static string Key(Location location)
    {
        var path = location.Path?.TrimEnd('.', '/');
        return string.IsNullOrEmpty(path) ? location.File : $"{location.File}: {path}";
    }

    public static ProblemPlace Of(Location location, ConnectorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var place = PanelOf(location, definition);
        if (location.Path is { } path && LineColumn().Match(path) is { Success: true } position)
        {
            return place with
            {
                Fields = [location.File],
                Line = int.Parse(position.Groups[1].Value, CultureInfo.InvariantCulture),
                Column = int.Parse(position.Groups[2].Value, CultureInfo.InvariantCulture),
            };
        }

        return place with { Fields = Candidates(location).ToList() };
    }

    private static ProblemPlace PanelOf(Location location, ConnectorDefinition definition)
    {
        var path = location.Path ?? "";
        if (ActionPath().Match(path) is { Success: true } action)
        {
            return new ProblemPlace(EditorPanel.Actions, int.Parse(action.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        if (location.File.StartsWith(ConnectorPaths.ActionsFolder, StringComparison.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(location.File);
            var index = definition.Actions.Select(a => a.Name).ToList().IndexOf(name);
            return new ProblemPlace(EditorPanel.Actions, index < 0 ? null : index);
        }

        return location.File == ConnectorPaths.Errors ? new ProblemPlace(EditorPanel.Errors, null)
            : location.File.StartsWith(ConnectorPaths.NodeModules, StringComparison.Ordinal) || location.File == ConnectorPaths.PackageJson ? new ProblemPlace(EditorPanel.Libraries, null)
            : path.StartsWith("systemdefinition.authentications", StringComparison.Ordinal) || location.File == ConnectorPaths.Authenticator ? new ProblemPlace(EditorPanel.AuthenticationParameters, null)
            : path.StartsWith("systemdefinition.properties", StringComparison.Ordinal) ? new ProblemPlace(EditorPanel.ConnectorParameters, null)
            : new ProblemPlace(EditorPanel.General, null);
    }

    /// <summary>The location, then each enclosing part of its path: <c>…properties[1].datatype</c>, <c>…properties[1]</c>, ...</summary>
    private static IEnumerable<string> Candidates(Location location)
    {
        for (var path = location.Path; !string.IsNullOrEmpty(path); path = Parent(path))
        {
            yield return Key(location with { Path = path });
        }

        yield return location.File;
    }

    /// <summary>
    /// The path one step up. A data tree's XSD path (after <c>": "</c>) steps by <c>/</c>, since a field's name may hold
    /// a dot; a JSON path steps over a trailing <c>[…]</c> or <c>.member</c>.
    /// </summary>
    private static string? Parent(string path)
    {
        var xsd = path.IndexOf(": ", StringComparison.Ordinal);
        if (xsd >= 0)
        {
            var slash = path.LastIndexOf('/');
            return slash > xsd ? path[..slash] : path[..xsd];
        }

        var step = path.EndsWith(']') ? path.LastIndexOf('[') : path.StartsWith('"') ? -1 : path.LastIndexOf('.');
        return step > 0 ? path[..step] : null;
    }

    [GeneratedRegex(@"^actions\[(\d+)\]")]
    private static partial Regex ActionPath();

    [GeneratedRegex(@"^(\d+):(\d+)$")]
    private static partial Regex LineColumn();
}
