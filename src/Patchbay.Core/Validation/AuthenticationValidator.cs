using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;

namespace Patchbay.Core.Validation;

/// <summary>
/// Checks the authentication method and, for a built-in method, that the Authentication parameters the
/// runtime reads from <c>globals.authdata</c> are declared (bizagi-compat §4.3). A missing one is only a
/// warning: an environment can still supply the value.
/// </summary>
internal static class AuthenticationValidator
{
    /// <summary>Where an API key goes: <c>api_key_in</c> must name one of these.</summary>
    private static readonly string[] ApiKeyPlaces = ["header", "query"];

    public static void Validate(ConnectorPackage package, DefinitionLocations at, DiagnosticList diagnostics)
    {
        var definition = package.Definition;
        var authentication = definition.Authentication;
        if (authentication.Method == AuthenticationMethod.Custom)
        {
            if (definition.Type == ConnectorType.EasyRest)
            {
                diagnostics.Error("auth-method-not-allowed", at.Authentication("method"), $"Easy REST connectors use a built-in method ({WireNames.BuiltInAuthenticationMethods}); custom code needs a custom connector.");
            }
            else
            {
                JsFileValidator.ValidateInvokeModule(package.Files, ConnectorPaths.Authenticator, "missing-auth-file", diagnostics);
            }
        }

        if (authentication.Grant is not null && authentication.Method != AuthenticationMethod.OAuth2)
        {
            diagnostics.Error("grant-without-oauth2", at.Authentication("grant"), $"A grant is only meaningful with the oauth2 method, not '{WireNames.Of(authentication.Method)}'.");
        }

        ValidateBuiltInParameters(authentication, at, diagnostics);
        if (authentication.Method == AuthenticationMethod.ApiKey)
        {
            ValidateApiKeyPlace(authentication.Parameters, at, diagnostics);
        }
    }

    /// <summary>The parameters a built-in method cannot work without, or null when they depend on a grant not known here.</summary>
    internal static IReadOnlyList<string>? RequiredParameters(AuthenticationMethod method, OAuth2Grant? grant) => method switch
    {
        AuthenticationMethod.Basic or AuthenticationMethod.Digest => ["username", "password"],
        AuthenticationMethod.Bearer => ["token"],
        AuthenticationMethod.ApiKey => ["api_key"],
        AuthenticationMethod.OAuth1 => ["consumer_key", "consumer_secret"],
        AuthenticationMethod.OAuth2 => grant switch
        {
            OAuth2Grant.ClientCredentials => ["token_url", "client_id", "client_secret"],
            OAuth2Grant.Password => ["token_url", "username", "password"],
            OAuth2Grant.AuthorizationCode => ["authorize_url", "token_url", "client_id"],
            _ => null,
        },
        _ => [],
    };

    private static void ValidateBuiltInParameters(AuthenticationSettings authentication, DefinitionLocations at, DiagnosticList diagnostics)
    {
        var parameters = authentication.Parameters;
        var method = WireNames.Of(authentication.Method);
        var grant = authentication.Grant ?? GrantFromParameter(parameters);
        if (authentication.Method == AuthenticationMethod.OAuth2 && grant is null)
        {
            // Bizagi reads the grant from authdata.grant_type; a token given as access_token needs none.
            if (!parameters.Any(p => p.Name is "grant_type" or "access_token"))
            {
                diagnostics.Warning("missing-oauth2-grant", at.Authentication("grant"), $"The oauth2 method has no grant: set one ({WireNames.OAuth2Grants}) or add a grant_type Authentication parameter.");
            }

            return;
        }

        var names = parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var how = grant is { } g && authentication.Method == AuthenticationMethod.OAuth2 ? $"The {method} method with the {WireNames.Of(g)} grant" : $"The {method} method";
        foreach (var name in RequiredParameters(authentication.Method, grant) ?? [])
        {
            if (names.Contains(name))
            {
                continue;
            }

            var nearMiss = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            var hint = nearMiss is null ? "" : $" ('{nearMiss}' differs in case; names are case-sensitive)";
            diagnostics.Warning("missing-auth-parameter", at.Authentication("parameters"), $"{how} reads the Authentication parameter '{name}' (globals.authdata.{name}), which is not declared{hint}; add it unless every environment supplies it otherwise.");
        }
    }

    /// <summary>The grant a <c>grant_type</c> parameter fixes through its default, the way Bizagi's definitions carry it.</summary>
    private static OAuth2Grant? GrantFromParameter(ValueList<ConnectorParameter> parameters) =>
        parameters.FirstOrDefault(p => p.Name == "grant_type") is { DefaultValue.Length: > 0 } parameter
        && WireNames.TryParseGrant(parameter.DefaultValue, out var grant)
            ? grant
            : null;

    private static void ValidateApiKeyPlace(ValueList<ConnectorParameter> parameters, DefinitionLocations at, DiagnosticList diagnostics)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (parameter.Name != "api_key_in")
            {
                continue;
            }

            var values = parameter.AllowedValues.Append(parameter.DefaultValue).Where(v => v.Length > 0);
            foreach (var value in values.Distinct(StringComparer.Ordinal).Where(v => !ApiKeyPlaces.Contains(v, StringComparer.Ordinal)))
            {
                var member = parameter.AllowedValues.Contains(value) ? "allowedValues" : "default";
                diagnostics.Error("invalid-api-key-place", at.AuthenticationParameter(i, member), $"api_key_in says where the API key goes: 'header' or 'query', not '{value}'.");
            }
        }
    }
}
