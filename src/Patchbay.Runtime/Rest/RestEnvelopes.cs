using System.Globalization;
using System.Text.Json.Nodes;

namespace Patchbay.Runtime.Rest;

/// <summary>
/// The envelopes of Bizagi's REST engine (bizagi-compat §8.2), each made by the same steps as bz-util's
/// <c>getResponse(response, error, connectorStatusCode, errorMessage)</c> (§6.1).
/// </summary>
internal static class RestEnvelopes
{
    /// <summary>getResponse: <c>success</c> is false when the error has keys or a message is given; the message defaults to the error's JSON.</summary>
    public static JsonObject Create(JsonNode? output, JsonObject? error, int statusCode, string? errorMessage = null)
    {
        error ??= [];
        var message = errorMessage is { Length: > 0 } ? errorMessage : error.Count > 0 ? JsJson.Stringify(error) : "";
        var success = error.Count == 0 && message.Length == 0;
        return new JsonObject
        {
            ["response"] = new JsonObject
            {
                ["outputs"] = new JsonObject { ["output"] = output ?? new JsonObject(), ["error"] = error },
            },
            ["success"] = success,
            ["connectorstatuscode"] = Number(statusCode == 0 ? (success ? 200 : -200) : statusCode),
            ["errormessage"] = message,
            ["autotestingenabled"] = false,
        };
    }

    /// <summary>A number read from JSON text, as the Node worker's envelopes hold them (readable as int and as double).</summary>
    private static JsonNode Number(int value) => JsonNode.Parse(value.ToString(CultureInfo.InvariantCulture))!;

    public static JsonObject Success(JsonNode? body, int status) => Create(body, null, status);

    /// <summary>A 2xx body that is not JSON: output <c>{}</c>, the status kept, getResponse's message.</summary>
    public static JsonObject NotJson(int status) => Create(null, null, status, BizagiMessages.NotJson);

    /// <summary>The <c>{error, message, status}</c> object of an error row.</summary>
    public static JsonObject Error(JsonNode error, string message, int status) =>
        new() { ["error"] = error, ["message"] = message, ["status"] = Number(status) };

    /// <summary>ECONNREFUSED, ENOTFOUND: reported as a 404 whose message is also the <c>errormessage</c>.</summary>
    public static JsonObject Unreachable(string url)
    {
        var message = BizagiMessages.ResourceNotFound(url);
        return Create(null, Error("RESOURCE_NOT_FOUND", message, 404), 404, message);
    }

    /// <summary>Any other network failure: no response, so status 400.</summary>
    public static JsonObject ConnectionError(string message) => Create(null, Error("CONNECTION_ERROR", message, 400), 400, message);

    /// <summary>The engine's own failure (an unsupported content type, a URL that cannot be built): JavaScript's Error stringifies to <c>{}</c>.</summary>
    public static JsonObject Exception() => Create(null, Error("EXCEPTION", BizagiMessages.ResponseError(500, "{}"), 500), 500);

    /// <summary>The row of the table for a non-2xx status.</summary>
    public static JsonObject ForStatus(int status, string body, string url) => status switch
    {
        >= 300 and < 400 => Create(null, Error("RESOURCE_REDIRECT", BizagiMessages.ResourceRedirect(status), status), status),
        400 => Create(null, Error("BAD_REQUEST", BizagiMessages.BadRequest, 400), 400),
        401 => Create(null, Error("USER_UNAUTHORIZED", BizagiMessages.UserUnauthorized, 401), 401),
        404 => Create(null, Error("RESOURCE_NOT_FOUND", BizagiMessages.ResourceNotFound(url), 404), 404),
        >= 500 => Create(null, Error("INTERNAL_SERVER_ERROR", BizagiMessages.InternalServerError, status), status),
        _ => Create(null, Error(body, BizagiMessages.ResponseError(status, body), status), status),
    };
}
