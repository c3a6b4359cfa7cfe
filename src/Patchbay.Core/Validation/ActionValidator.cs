using System.Text.RegularExpressions;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;

namespace Patchbay.Core.Validation;

/// <summary>Checks actions: names, code files, Easy REST requests and data trees.</summary>
internal static partial class ActionValidator
{
    private static readonly HashSet<string> HttpMethods = new(StringComparer.Ordinal) { "GET", "POST", "PUT", "PATCH", "DELETE" };

    /// <summary>The bodies Bizagi's REST engine can send (bizagi-compat §8.2).</summary>
    private static readonly HashSet<string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/json", "text/plain", "application/x-www-form-urlencoded",
    };

    public static void Validate(ConnectorPackage package, DefinitionLocations at, DiagnosticList diagnostics)
    {
        var definition = package.Definition;
        if (definition.Actions.Count == 0)
        {
            diagnostics.Warning("no-actions", at.Root("actions"), "The connector has no actions.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < definition.Actions.Count; i++)
        {
            var action = definition.Actions[i];
            ValidateName(action, i, at, names, diagnostics);
            ValidateKind(package, action, i, at, diagnostics);
            DataTreeValidator.Validate(action, i, at, diagnostics);
        }

        ReportOrphanActionFiles(package, diagnostics);
    }

    private static void ValidateName(ActionDefinition action, int index, DefinitionLocations at, HashSet<string> names, DiagnosticList diagnostics)
    {
        if (string.IsNullOrWhiteSpace(action.Name))
        {
            diagnostics.Error("missing-action-name", at.Action(index, "name"), "The action has no name.");
            return;
        }

        if (!FileSafeNamePattern().IsMatch(action.Name))
        {
            diagnostics.Error("invalid-action-name", at.Action(index, "name"), $"'{action.Name}' is not a valid action name: use kebab-case, e.g. 'create-issue'.");
        }
        else if (!KebabCasePattern().IsMatch(action.Name))
        {
            diagnostics.Warning("action-name-not-kebab-case", at.Action(index, "name"), $"'{action.Name}' is not kebab-case (e.g. 'create-issue'), as Bizagi's Connector Editor names actions.");
        }

        if (!names.Add(action.Name))
        {
            diagnostics.Error("duplicate-action", at.Action(index, "name"), $"The action name '{action.Name}' is used twice (names are compared ignoring case: they are file names).");
        }

        if (string.IsNullOrWhiteSpace(action.DisplayName))
        {
            diagnostics.Warning("missing-display-name", at.Action(index, "displayName"), $"The action '{action.Name}' has no display name.");
        }
    }

    private static void ValidateKind(ConnectorPackage package, ActionDefinition action, int index, DefinitionLocations at, DiagnosticList diagnostics)
    {
        var expected = package.Definition.Type == ConnectorType.EasyRest ? ActionKind.Rest : ActionKind.Custom;
        if (action.Kind != expected)
        {
            var connectorKind = expected == ActionKind.Rest ? "an Easy REST connector" : "a custom connector";
            diagnostics.Error("action-kind-mismatch", at.Action(index, "kind"), $"The action '{action.Name}' is a {action.Kind.ToString().ToLowerInvariant()} action in {connectorKind}.");
        }

        if (action.Kind == ActionKind.Custom)
        {
            if (FileSafeNamePattern().IsMatch(action.Name))
            {
                JsFileValidator.ValidateInvokeModule(package.Files, ConnectorPackage.ActionPath(action.Name), "missing-action-file", diagnostics);
            }

            ReportRestOptionsOnCustomAction(action, index, at, diagnostics);
        }
        else if (action.Rest is null)
        {
            diagnostics.Error("missing-rest-request", at.Action(index, "rest"), $"The REST action '{action.Name}' has no request (method and URL).");
        }
        else
        {
            ValidateRest(package.Definition, action, index, at, diagnostics);
        }
    }

    private static void ValidateRest(ConnectorDefinition definition, ActionDefinition action, int index, DefinitionLocations at, DiagnosticList diagnostics)
    {
        var rest = action.Rest!;
        if (!HttpMethods.Contains(rest.Method))
        {
            diagnostics.Error("invalid-http-method", at.Action(index, "rest.method"), $"'{rest.Method}' is not one of GET, POST, PUT, PATCH, DELETE.");
        }

        var sendsBody = rest.Method is "POST" or "PUT" or "PATCH";
        if (sendsBody && !ContentTypes.Contains(rest.ContentType))
        {
            // A warning, as Bizagi loads such a connector and fails only this action (its EXCEPTION answer, which the engine gives too).
            diagnostics.Warning("unsupported-content-type", at.Action(index, "rest.contentType"), $"'{rest.ContentType}' is not a request body Easy REST can send (application/json, text/plain or application/x-www-form-urlencoded): this action fails with Bizagi's EXCEPTION answer (500) when run; the connector's other actions are not affected.");
        }

        if (string.IsNullOrWhiteSpace(rest.Url))
        {
            diagnostics.Error("missing-rest-url", at.Action(index, "rest.url"), $"The REST action '{action.Name}' has no URL.");
        }
        else
        {
            UrlTemplateValidator.Validate(definition, action, at.Action(index, "rest.url"), diagnostics);
        }

        RestOptionsValidator.Validate(definition, action, index, at, diagnostics);
    }

    /// <summary>A custom action's code sends its own requests: REST options on it would be silently ignored.</summary>
    private static void ReportRestOptionsOnCustomAction(ActionDefinition action, int index, DefinitionLocations at, DiagnosticList diagnostics)
    {
        var advice = "they only apply to REST actions; remove them or make the action a REST action.";
        if (action.Rest is { } rest && RestOptionsJson.HasOptions(rest))
        {
            diagnostics.Error("rest-options-on-custom-action", at.RestOption(index, ""), $"The custom action '{action.Name}' has Easy REST options ({string.Join(", ", RestOptionsJson.SetKeys(rest))}); {advice}");
        }

        if (action.Extra.Any(p => p.Name == RestOptionsJson.BizcProperty))
        {
            diagnostics.Error("rest-options-on-custom-action", at.ActionExtra(index, RestOptionsJson.BizcProperty), $"The custom action '{action.Name}' has Easy REST options ('{RestOptionsJson.BizcProperty}'); {advice}");
        }
    }

    /// <summary>An undeclared file in <c>actions/</c> that exports <c>invoke</c> looks like a forgotten action; other files are helpers.</summary>
    private static void ReportOrphanActionFiles(ConnectorPackage package, DiagnosticList diagnostics)
    {
        var declared = package.Definition.Actions.Select(a => ConnectorPackage.ActionPath(a.Name)).ToHashSet(StringComparer.Ordinal);
        var candidates = package.Files.Paths.Where(p =>
            p.StartsWith(ConnectorPaths.ActionsFolder, StringComparison.Ordinal)
            && p.EndsWith(".js", StringComparison.Ordinal)
            && !p[ConnectorPaths.ActionsFolder.Length..].Contains('/', StringComparison.Ordinal)
            && !declared.Contains(p));
        foreach (var path in candidates.Where(p => JsModuleInspector.Inspect(package.Files.GetText(p)!).ExportsInvoke))
        {
            diagnostics.Warning("orphan-action-file", new Location(path), "This file exports invoke but no action of the connector uses it; declare the action or remove the file.");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9]+([-_.][A-Za-z0-9]+)*$")]
    internal static partial Regex FileSafeNamePattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCasePattern();
}
