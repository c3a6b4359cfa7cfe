using Microsoft.OpenApi;
using Patchbay.Core.Model;

namespace Patchbay.OpenApi;

/// <summary>
/// Maps the document's security schemes to the connector's one authentication method: the first scheme the
/// document requires (globally, else by an operation, else the first declared) that a built-in method can run.
/// The others are reported. Parameters get the values the document knows as defaults.
/// </summary>
internal sealed class SecurityMapper(OpenApiDocument document, DocumentPointers pointers, ImportReport report)
{
    public static readonly AuthenticationSettings NoAuthentication = new() { Method = AuthenticationMethod.None, Name = "none" };

    /// <summary>The chosen method, and the id of the scheme it came from (null for none).</summary>
    public (AuthenticationSettings Settings, string? SchemeId) Map()
    {
        // A scheme written with no body (`key:`) reads as null: it is reported as not mappable with the others.
        var schemes = (document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>())
            .Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        string? chosenId = null;
        AuthenticationSettings? chosen = null;
        var tried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in Candidates(schemes.Keys).Where(schemes.ContainsKey))
        {
            tried.Add(id);
            if (MapScheme(id, schemes[id]) is { } settings)
            {
                (chosenId, chosen) = (id, settings);
                break;
            }
        }

        foreach (var id in schemes.Keys.Where(id => !tried.Contains(id)))
        {
            if (Mappable(schemes[id]))
            {
                report.Unmapped(pointers.SecurityScheme(id), $"A connector has one authentication method; '{chosenId}' is used, so '{id}' is not.");
            }
            else
            {
                _ = MapScheme(id, schemes[id]);
            }
        }

        return (chosen ?? NoAuthentication, chosenId);
    }

    /// <summary>Whether an operation authenticates, and a report line when it asks for schemes other than the connector's.</summary>
    public bool UsesAuthentication(OpenApiOperation operation, string operationPointer, string? schemeId)
    {
        var requirements = operation.Security ?? document.Security;
        var alternatives = (requirements ?? []).Where(r => r.Count > 0).ToList();
        if (alternatives.Count == 0 || schemeId is null)
        {
            return false;
        }

        var ids = alternatives.Select(r => r.Keys.Select(Id).ToList()).ToList();
        if (!ids.Any(all => all.Contains(schemeId)))
        {
            var asked = string.Join(" or ", ids.Select(all => string.Join(" + ", all)));
            report.Approximate(JsonPointer.Append(operation.Security is null ? JsonPointer.Root : operationPointer, "security"), $"The operation asks for {asked}; it authenticates with the connector's '{schemeId}' instead.");
        }
        else if (ids.Where(all => all.Contains(schemeId)).All(all => all.Count > 1))
        {
            report.Approximate(JsonPointer.Append(operation.Security is null ? JsonPointer.Root : operationPointer, "security"), $"The operation needs several schemes together ({string.Join(" + ", ids.First(all => all.Contains(schemeId)))}); only '{schemeId}' is applied.");
        }

        return true;
    }

    private IEnumerable<string> Candidates(IEnumerable<string> declared)
    {
        var global = (document.Security ?? []).SelectMany(r => r.Keys.Select(Id));
        var byOperations = (document.Paths ?? [])
            .SelectMany(p => p.Value.Operations ?? [])
            .SelectMany(o => o.Value.Security ?? [])
            .SelectMany(r => r.Keys.Select(Id));
        return global.Concat(byOperations).Concat(declared).Distinct(StringComparer.Ordinal);
    }

    private static string Id(OpenApiSecuritySchemeReference reference) => reference.Reference.Id ?? "";

    private static bool Mappable(IOpenApiSecurityScheme scheme) => scheme.Type switch
    {
        SecuritySchemeType.Http => scheme.Scheme?.ToLowerInvariant() is "basic" or "bearer" or "digest",
        SecuritySchemeType.ApiKey => scheme.In is ParameterLocation.Header or ParameterLocation.Query,
        SecuritySchemeType.OAuth2 => scheme.Flows?.ClientCredentials is not null || scheme.Flows?.AuthorizationCode is not null || scheme.Flows?.Password is not null,
        _ => false,
    };

    private AuthenticationSettings? MapScheme(string id, IOpenApiSecurityScheme scheme)
    {
        var at = pointers.SecurityScheme(id);
        switch (scheme.Type)
        {
            case SecuritySchemeType.Http:
                return Http(scheme, at);
            case SecuritySchemeType.ApiKey:
                return ApiKey(scheme, at);
            case SecuritySchemeType.OAuth2:
                return OAuth2(scheme, at);
            case SecuritySchemeType.OpenIdConnect:
                report.Unmapped(at, "OpenID Connect discovery is not a built-in method; configure OAuth 2.0 by hand from the provider's metadata.");
                return null;
            default:
                report.Unmapped(at, scheme.Type == SecuritySchemeType.MutualTLS
                    ? "Mutual TLS has no built-in method: the client certificate is set up outside the connector."
                    : "A security scheme without a known type has no built-in method.");
                return null;
        }
    }

    private AuthenticationSettings? Http(IOpenApiSecurityScheme scheme, string at)
    {
        switch (scheme.Scheme?.ToLowerInvariant())
        {
            case "basic":
                return new AuthenticationSettings { Method = AuthenticationMethod.Basic, Name = "basic", Parameters = [Required("username"), Secret("password")] };
            case "digest":
                return new AuthenticationSettings { Method = AuthenticationMethod.Digest, Name = "digest", Parameters = [Required("username"), Secret("password")] };
            case "bearer":
                return new AuthenticationSettings { Method = AuthenticationMethod.Bearer, Name = "bearer", Parameters = [Secret("token")] };
            default:
                report.Unmapped(JsonPointer.Append(at, "scheme"), $"The HTTP scheme '{scheme.Scheme}' has no built-in method (basic, bearer and digest do).");
                return null;
        }
    }

    private AuthenticationSettings? ApiKey(IOpenApiSecurityScheme scheme, string at)
    {
        var location = scheme.In switch
        {
            ParameterLocation.Header => "header",
            ParameterLocation.Query => "query",
            _ => null,
        };
        if (location is null)
        {
            report.Unmapped(JsonPointer.Append(at, "in"), $"An API key sent in a {scheme.In?.ToString().ToLowerInvariant() ?? "unknown place"} is not supported; the built-in method sends it in a header or the query.");
            return null;
        }

        return new AuthenticationSettings
        {
            Method = AuthenticationMethod.ApiKey,
            Name = "apikey",
            Parameters =
            [
                Secret("api_key"),
                Required("api_key_name") with { DefaultValue = scheme.Name ?? "" },
                Required("api_key_in") with { DefaultValue = location, AllowedValues = ["header", "query"] },
            ],
        };
    }

    private AuthenticationSettings? OAuth2(IOpenApiSecurityScheme scheme, string at)
    {
        var flows = scheme.Flows;
        var (grant, flow, flowName) = flows switch
        {
            { ClientCredentials: { } f } => (OAuth2Grant.ClientCredentials, f, "clientCredentials"),
            { AuthorizationCode: { } f } => (OAuth2Grant.AuthorizationCode, f, "authorizationCode"),
            { Password: { } f } => (OAuth2Grant.Password, f, "password"),
            _ => ((OAuth2Grant?)null, (OpenApiOAuthFlow?)null, ""),
        };
        if (flows?.Implicit is not null)
        {
            report.Unmapped(JsonPointer.Append(at, "flows", "implicit"), grant is null
                ? "The implicit flow is not supported (it hands tokens to browsers); the scheme is not used."
                : $"The implicit flow is not supported; the {flowName} flow is used.");
        }

        if (grant is null || flow is null)
        {
            if (flows?.Implicit is null)
            {
                report.Unmapped(JsonPointer.Append(at, "flows"), "No OAuth 2.0 flow the built-in method supports (clientCredentials, authorizationCode, password).");
            }

            return null;
        }

        foreach (var (other, present) in (ValueTuple<string, bool>[])[("clientCredentials", flows!.ClientCredentials is not null), ("authorizationCode", flows.AuthorizationCode is not null), ("password", flows.Password is not null)])
        {
            if (present && other != flowName)
            {
                report.Unmapped(JsonPointer.Append(at, "flows", other), $"A connector uses one grant; the {flowName} flow is used, not {other}.");
            }
        }

        var parameters = new List<ConnectorParameter>
        {
            Required("token_url") with { DefaultValue = flow.TokenUrl?.ToString() ?? "" },
        };
        if (grant == OAuth2Grant.AuthorizationCode)
        {
            parameters.Add(Required("authorize_url") with { DefaultValue = flow.AuthorizationUrl?.ToString() ?? "" });
        }

        parameters.Add(new ConnectorParameter { Name = "scope", DefaultValue = string.Join(' ', flow.Scopes?.Keys ?? []) });
        parameters.Add(Required("client_id"));
        parameters.Add(Secret("client_secret"));
        if (grant == OAuth2Grant.Password)
        {
            parameters.Add(Required("username"));
            parameters.Add(Secret("password"));
        }

        return new AuthenticationSettings { Method = AuthenticationMethod.OAuth2, Name = "oauth2", Grant = grant, Parameters = parameters.ToValueList() };
    }

    private static ConnectorParameter Required(string name) => new() { Name = name, Required = true };

    private static ConnectorParameter Secret(string name) => new() { Name = name, Required = true, PasswordMode = true };
}
