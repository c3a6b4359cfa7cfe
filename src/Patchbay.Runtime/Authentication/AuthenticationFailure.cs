namespace Patchbay.Runtime.Authentication;

/// <summary>Why a built-in authenticator could not authenticate.</summary>
/// <param name="StatusCode">Bizagi's <c>connectorstatuscode</c>: 400-500 when the credentials are refused, negative for a definition or parameter problem.</param>
/// <param name="Error">The <c>error.error</c> name, for example <c>RECONNECT_NEEDED</c>.</param>
/// <param name="Message">For people; never holds a token or secret.</param>
/// <param name="IsTransient">True when retrying later may help (a 5xx or network failure of the token endpoint).</param>
internal sealed record AuthenticationFailure(int StatusCode, string Error, string Message, bool IsTransient);
