using System.Text;

namespace Patchbay.Runtime.Authentication;

/// <summary>The methods whose credentials are fixed values: basic, bearer and API key (bizagi-compat §4.3, plus bearer and API key).</summary>
internal static class StaticCredentials
{
    /// <summary><c>username</c> and <c>password</c> → <c>authorizationheader: "Basic base64(username:password)"</c>.</summary>
    public static AuthenticationSession Basic(AuthParameters parameters)
    {
        if (parameters.Missing("username", "password") is { } missing)
        {
            return AuthenticationSession.Failed(missing);
        }

        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{parameters.Get("username")}:{parameters.Get("password")}"));
        var output = parameters.Output();
        output["authorizationheader"] = "Basic " + token;
        return new AuthenticationSession(output, [token, .. parameters.Secrets]);
    }

    /// <summary><c>token</c> → <c>authorizationheader: "Bearer token"</c>.</summary>
    public static AuthenticationSession Bearer(AuthParameters parameters)
    {
        if (parameters.Missing("token") is { } missing)
        {
            return AuthenticationSession.Failed(missing);
        }

        var token = parameters.Get("token")!;
        var output = parameters.Output();
        output["authorizationheader"] = "Bearer " + token;
        return new AuthenticationSession(output, [token, .. parameters.Secrets]);
    }

    /// <summary><c>api_key</c> sent in the header (or query parameter) <c>api_key_name</c>, default <c>X-API-Key</c>.</summary>
    public static AuthenticationSession ApiKey(AuthParameters parameters)
    {
        if (parameters.Missing("api_key") is { } missing)
        {
            return AuthenticationSession.Failed(missing);
        }

        var name = parameters.Get("api_key_name") ?? ApiKeySession.DefaultName;
        var placement = parameters.Get("api_key_in") ?? "header";
        if (placement is not ("header" or "query"))
        {
            return AuthenticationSession.Failed(AuthenticationFailure.Invalid(
                "INVALID_PARAM", $"The Parameter -authdata.api_key_in- must be 'header' or 'query', not '{placement}'"));
        }

        var output = parameters.Output();
        output["api_key_name"] = name;
        output["api_key_in"] = placement;
        output["authorizationheader"] = "";
        return new ApiKeySession(output, name, parameters.Get("api_key")!, placement == "query", parameters.Secrets);
    }
}
