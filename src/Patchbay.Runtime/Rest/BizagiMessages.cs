namespace Patchbay.Runtime.Rest;

/// <summary>
/// The texts of the error catalog Bizagi's REST engine uses (bizagi-compat §4.3, §6.2), formatted the way bz-util's
/// <c>error()</c> does: each parameter loses its <c>"</c> and <c>'</c>, and <c>\</c> becomes <c>/</c>.
/// </summary>
internal static class BizagiMessages
{
    public const string BadRequest = "HTTP Status 400 - Bad Request. The request sent by the client was syntactically incorrect. See logs for more details";

    public const string InternalServerError = "HTTP Status 500 - Internal server error. The remote server encountered an unexpected condition which prevented it from fulfilling the request. Reviews the remote server log for details";

    public const string UserUnauthorized = "User unauthorized";

    /// <summary>getResponse's text for a body that is not JSON; the original evaluates it after replacing the body with <c>{}</c>.</summary>
    public const string NotJson = "The response must be a valid JSON: [object Object]";

    public static string ResourceNotFound(string url) => "Resource not found: " + Parameter(url);

    public static string ResourceRedirect(int status) => "Server is requesting the client to perform a redirect, the HttpCode is: " + status;

    public static string ResponseError(int status, string body) =>
        $"An error was obtained by processing the request, the HttpCode is : {status}, the server response was: {Parameter(body)}";

    private static string Parameter(string value) => value.Replace("\"", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal).Replace('\\', '/');
}
