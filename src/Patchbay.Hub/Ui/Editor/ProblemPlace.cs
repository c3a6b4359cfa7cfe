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
}

/// <summary>
/// Where in the editor a problem found by Core's validator is fixed: its location (a file and a JSON path of the
/// <c>.bizc</c>) mapped to a panel and, for an action's problems, the action.
/// </summary>
public sealed partial record ProblemPlace(EditorPanel Panel, int? ActionIndex)
{
    public static ProblemPlace Of(Location location, ConnectorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var path = location.Path ?? "";
        if (ActionPath().Match(path) is { Success: true } action)
        {
            return new ProblemPlace(EditorPanel.Actions, int.Parse(action.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (location.File.StartsWith(ConnectorPaths.ActionsFolder, StringComparison.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(location.File);
            var index = definition.Actions.Select(a => a.Name).ToList().IndexOf(name);
            return new ProblemPlace(EditorPanel.Actions, index < 0 ? null : index);
        }

        return location.File == ConnectorPaths.Errors ? new ProblemPlace(EditorPanel.Errors, null)
            : path.StartsWith("systemdefinition.authentications", StringComparison.Ordinal) || location.File == ConnectorPaths.Authenticator ? new ProblemPlace(EditorPanel.AuthenticationParameters, null)
            : path.StartsWith("systemdefinition.properties", StringComparison.Ordinal) ? new ProblemPlace(EditorPanel.ConnectorParameters, null)
            : new ProblemPlace(EditorPanel.General, null);
    }

    [GeneratedRegex(@"^actions\[(\d+)\]")]
    private static partial Regex ActionPath();
}
