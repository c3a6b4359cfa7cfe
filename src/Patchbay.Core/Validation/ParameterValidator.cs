using System.Text.RegularExpressions;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Validation;

/// <summary>Checks the Connector and Authentication parameters.</summary>
internal static partial class ParameterValidator
{
    public static void Validate(ConnectorDefinition definition, DefinitionLocations at, DiagnosticList diagnostics)
    {
        Check(definition.Parameters, "globals.systemproperties", at.ConnectorParameter, diagnostics);
        Check(definition.Authentication.Parameters, "globals.authdata", at.AuthenticationParameter, diagnostics);
    }

    private static void Check(
        ValueList<ConnectorParameter> parameters, string globalsObject, Func<int, string, Location> at, DiagnosticList diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (string.IsNullOrWhiteSpace(parameter.Name))
            {
                var what = parameter.Required ? "A required parameter" : "A parameter";
                diagnostics.Error("missing-parameter-name", at(i, "name"), $"{what} has no name; code reads it as {globalsObject}.<name>.");
                continue;
            }

            if (parameter.Name.Any(char.IsWhiteSpace) || parameter.Name.Any(char.IsControl))
            {
                diagnostics.Error("invalid-parameter-name", at(i, "name"), $"'{parameter.Name}' contains white space; parameter names must be single words.");
            }
            else if (!IdentifierPattern().IsMatch(parameter.Name))
            {
                diagnostics.Warning("parameter-name-not-identifier", at(i, "name"), $"'{parameter.Name}' is not a JavaScript identifier; code can only read it as {globalsObject}['{parameter.Name}'].");
            }

            if (!seen.Add(parameter.Name))
            {
                diagnostics.Error("duplicate-parameter", at(i, "name"), $"The parameter '{parameter.Name}' is defined twice.");
            }

            CheckDefault(parameter, at(i, "default"), diagnostics);
        }
    }

    private static void CheckDefault(ConnectorParameter parameter, Location location, DiagnosticList diagnostics)
    {
        if (parameter.DefaultValue.Length == 0)
        {
            return;
        }

        // The value itself is never repeated: it may be the secret someone pasted by mistake.
        if (parameter.PasswordMode)
        {
            diagnostics.Error("secret-parameter-default", location, $"'{parameter.Name}' is a password-mode parameter and cannot have a default: secrets never live in a connector definition. Remove the default and set the value per environment.");
        }
        else if (parameter.AllowedValues.Count > 0 && !parameter.AllowedValues.Contains(parameter.DefaultValue, StringComparer.Ordinal))
        {
            diagnostics.Error("default-not-allowed", location, $"The default '{parameter.DefaultValue}' of '{parameter.Name}' is not one of its allowed values ({string.Join(", ", parameter.AllowedValues)}).");
        }
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex IdentifierPattern();
}
