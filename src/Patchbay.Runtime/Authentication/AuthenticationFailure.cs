namespace Patchbay.Runtime.Authentication;

/// <summary>Why a built-in authenticator could not authenticate.</summary>
/// <param name="StatusCode">Bizagi's <c>connectorstatuscode</c>: 400-500 when the credentials are refused, negative for a definition or parameter problem.</param>
/// <param name="Error">The <c>error.error</c> name, for example <c>RECONNECT_NEEDED</c>.</param>
/// <param name="Message">For people; never holds a token or secret.</param>
/// <param name="IsTransient">True when retrying later may help (a 5xx or network failure of the token endpoint).</param>
internal sealed record AuthenticationFailure(int StatusCode, string Error, string Message, bool IsTransient)
{
    /// <summary>Bizagi's <c>VAL.REQUIRED_PARAM</c>: a parameter the method needs has no value.</summary>
    public static AuthenticationFailure Required(string name) =>
        new(-400, "REQUIRED_PARAM", $"The Parameter -authdata.{name}- is required", false);

    /// <summary>A parameter has a value the method cannot use.</summary>
    public static AuthenticationFailure Invalid(string error, string message) => new(-400, error, message, false);

    /// <summary>The server that hands out credentials (a token endpoint, a digest challenge) could not be reached or answered 5xx.</summary>
    public static AuthenticationFailure Unavailable(int? httpStatus, string message) =>
        new(httpStatus is { } status ? -status : -503, "AUTHENTICATION_UNAVAILABLE", message, true);
}
