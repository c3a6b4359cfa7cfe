using Patchbay.Core.Model;

namespace Patchbay.Core.Packaging;

/// <summary>The lower-case names Bizagi's files use for the model's enums.</summary>
internal static class WireNames
{
    private static readonly Dictionary<AuthenticationMethod, string> Methods = new()
    {
        [AuthenticationMethod.None] = "none",
        [AuthenticationMethod.Basic] = "basic",
        [AuthenticationMethod.Digest] = "digest",
        [AuthenticationMethod.OAuth2] = "oauth2",
        [AuthenticationMethod.ApiKey] = "apikey",
        [AuthenticationMethod.Bearer] = "bearer",
        [AuthenticationMethod.OAuth1] = "oauth1",
        [AuthenticationMethod.Custom] = "custom",
    };

    private static readonly Dictionary<OAuth2Grant, string> Grants = new()
    {
        [OAuth2Grant.ClientCredentials] = "client_credentials",
        [OAuth2Grant.Password] = "password",
        [OAuth2Grant.AuthorizationCode] = "authorization_code",
    };

    private static readonly Dictionary<RestResponseFormat, string> ResponseFormats = new()
    {
        [RestResponseFormat.Json] = "json",
        [RestResponseFormat.Xml] = "xml",
        [RestResponseFormat.Auto] = "auto",
    };

    private static readonly Dictionary<PaginationKind, string> PaginationKinds = new()
    {
        [PaginationKind.NextLink] = "nextLink",
        [PaginationKind.Cursor] = "cursor",
        [PaginationKind.Offset] = "offset",
        [PaginationKind.PageNumber] = "pageNumber",
    };

    public static string Of(AuthenticationMethod method) => Methods[method];

    public static string Of(OAuth2Grant grant) => Grants[grant];

    public static string Of(RestResponseFormat format) => ResponseFormats[format];

    public static string Of(PaginationKind kind) => PaginationKinds[kind];

    public static string Of(ConnectorType type) => type == ConnectorType.EasyRest ? "rest" : "custom";

    public static string Of(ActionKind kind) => kind == ActionKind.Rest ? "rest" : "custom";

    public static string AuthenticationMethods => string.Join(", ", Methods.Values);

    public static string OAuth2Grants => string.Join(", ", Grants.Values);

    /// <summary>The methods Patchbay runs itself (every one but <c>custom</c>).</summary>
    public static string BuiltInAuthenticationMethods => string.Join(", ", Methods.Where(m => m.Key != AuthenticationMethod.Custom).Select(m => m.Value));

    public static string ResponseFormatNames => string.Join(", ", ResponseFormats.Values);

    public static string PaginationKindNames => string.Join(", ", PaginationKinds.Values);

    public static bool TryParseMethod(string text, out AuthenticationMethod method) => TryParse(Methods, text, out method);

    public static bool TryParseGrant(string text, out OAuth2Grant grant) => TryParse(Grants, text, out grant);

    public static bool TryParseResponseFormat(string text, out RestResponseFormat format) => TryParse(ResponseFormats, text, out format);

    public static bool TryParsePaginationKind(string text, out PaginationKind kind) => TryParse(PaginationKinds, text, out kind);

    public static bool TryParseConnectorType(string text, out ConnectorType type)
    {
        var known = text is "custom" or "rest";
        type = text == "rest" ? ConnectorType.EasyRest : ConnectorType.Custom;
        return known;
    }

    public static bool TryParseActionKind(string text, out ActionKind kind)
    {
        var known = text is "custom" or "rest";
        kind = text == "rest" ? ActionKind.Rest : ActionKind.Custom;
        return known;
    }

    private static bool TryParse<T>(Dictionary<T, string> names, string text, out T value)
        where T : struct
    {
        foreach (var (key, name) in names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }
}
