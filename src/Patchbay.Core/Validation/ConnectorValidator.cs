using System.Text.RegularExpressions;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Semver;

namespace Patchbay.Core.Validation;

/// <summary>
/// Checks a whole connector (definition and code files) and reports every problem at once, each
/// with the file and path where the author fixes it.
/// </summary>
public static partial class ConnectorValidator
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static IReadOnlyList<Diagnostic> Validate(ConnectorPackage package, DefinitionLocations locations)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(locations);

        var diagnostics = new DiagnosticList();
        var definition = package.Definition;
        ValidateGeneralInfo(definition, locations, diagnostics);
        ParameterValidator.Validate(definition, locations, diagnostics);
        AuthenticationValidator.Validate(package, locations, diagnostics);
        ValidateErrorCatalog(definition, locations, diagnostics);
        ActionValidator.Validate(package, locations, diagnostics);
        return diagnostics;
    }

    private static void ValidateGeneralInfo(ConnectorDefinition definition, DefinitionLocations at, DiagnosticList diagnostics)
    {
        if (!Guid.TryParse(definition.GlobalGuid, out _))
        {
            diagnostics.Error("invalid-guid", at.Root("globalGuid"), $"'{definition.GlobalGuid}' is not a UUID; the connector's identity must be one, e.g. {Guid.Empty}.");
        }

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            diagnostics.Error("missing-name", at.Root("name"), "The connector has no name.");
        }
        else if (!ConnectorNamePattern().IsMatch(definition.Name))
        {
            diagnostics.Error("invalid-name", at.Root("name"), $"'{definition.Name}' is not a valid connector name: start with a letter and use letters, digits, spaces, '.', '_' or '-'.");
        }

        if (!FolderNamePattern().IsMatch(definition.FolderName))
        {
            diagnostics.Error("invalid-folder-name", at.Root("folderName"), $"'{definition.FolderName}' is not a valid folder name: use lower-case letters and digits separated by '-', '_' or '.' (e.g. 'my-connector').");
        }

        if (!SemVersion.TryParse(definition.Version, SemVersionStyles.Strict, out _))
        {
            diagnostics.Error("invalid-version", at.Root("version"), $"'{definition.Version}' is not a semantic version (major.minor.patch, e.g. 1.0.0).");
        }

        if (definition.Website.Length > 0 && !IsHttpUrl(definition.Website))
        {
            diagnostics.Warning("invalid-website", at.Root("website"), $"'{definition.Website}' is not an absolute http(s) URL.");
        }

        if (definition.IconBase64.Length > 0 && !IsPng(definition.IconBase64))
        {
            diagnostics.Error("invalid-icon", at.Root("icon"), "The icon is not a PNG image.");
        }

        if (definition.BaseUri.Length > 0 && !IsHttpUrl(definition.BaseUri))
        {
            diagnostics.Error("invalid-base-uri", at.Root("baseUri"), $"'{definition.BaseUri}' is not an absolute http(s) URL.");
        }
    }

    private static void ValidateErrorCatalog(ConnectorDefinition definition, DefinitionLocations at, DiagnosticList diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in definition.Errors)
        {
            var location = at.ErrorCode(error.Code);
            if (!ErrorCodePattern().IsMatch(error.Code))
            {
                diagnostics.Error("invalid-error-code", location, $"'{error.Code}' is not a valid error code: use dot-separated words of letters, digits and '_' (e.g. 'GIT.NOT_FOUND').");
            }
            else if (!seen.Add(error.Code))
            {
                diagnostics.Error("duplicate-error-code", location, $"The error code '{error.Code}' is defined twice.");
            }

            if (BuiltInErrorCodes.Contains(error.Code))
            {
                diagnostics.Warning("builtin-error-code", location, $"'{error.Code}' is one of bz-util's own codes; bz-util keeps its own message and ignores this one.");
            }

            if (string.IsNullOrWhiteSpace(error.Message))
            {
                diagnostics.Warning("empty-error-message", location, $"The error code '{error.Code}' has no message.");
            }
        }
    }

    /// <summary>bz-util's default catalog (bizagi-compat §6.2); a connector can add codes but not replace these.</summary>
    internal static readonly HashSet<string> BuiltInErrorCodes = new(StringComparer.Ordinal)
    {
        "GLB.EXCEPTION", "GLB.IS_NOT_A", "GLB.IS_NOT_AN", "GLB.UNKNOW_ACTION", "GLB.RESOURCE_REDIRECT",
        "GLB.RESOURCE_NOT_FOUND", "GLB.RESPONSE_ERROR", "VAL.REQUIRED_PARAM", "VAL.REQUIRED_ELEMENT",
        "VAL.REQUIRED_PARAMS", "VAL.PARAM_TYPE",
    };

    internal static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsPng(string base64)
    {
        var buffer = new byte[(base64.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(base64, buffer, out var written)
            && buffer.AsSpan(0, written).StartsWith(PngSignature);
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9 _.\-]*$")]
    private static partial Regex ConnectorNamePattern();

    [GeneratedRegex(@"^[a-z0-9]+([-_.][a-z0-9]+)*$")]
    private static partial Regex FolderNamePattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$")]
    private static partial Regex ErrorCodePattern();
}
