using System.Text;
using Patchbay.Core.Model;

namespace Patchbay.Runtime.Authentication;

/// <summary>
/// Runs a connector's built-in authentication method (bizagi-compat §4.3) and owns the token cache that
/// every invocation of the runtime shares.
/// </summary>
internal sealed class AuthenticationService(HttpClient http, TimeProvider time)
{
    public HttpClient Http => http;

    public TimeProvider Time => time;

    public static bool IsBuiltIn(AuthenticationMethod method) => method is not (AuthenticationMethod.None or AuthenticationMethod.Custom);

    public Task<AuthenticationSession> AuthenticateAsync(AuthenticationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        _ = (http, time); // the token flows to come use both
        return Task.FromResult(request.Connector.Authentication.Method switch
        {
            AuthenticationMethod.None => AuthenticationSession.Anonymous,
            AuthenticationMethod.Basic => Basic(request.AuthData),
            _ => throw new NotSupportedException($"The {request.Connector.Authentication.Name} method is not built in yet."),
        });
    }

    private static AuthenticationSession Basic(IReadOnlyDictionary<string, string> authData)
    {
        foreach (var name in (string[])["username", "password"])
        {
            if (!authData.ContainsKey(name))
            {
                return AuthenticationSession.Failed(new AuthenticationFailure(-400, "REQUIRED_PARAM", $"The Parameter -authdata.{name}- is required", false));
            }
        }

        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{authData["username"]}:{authData["password"]}"));
        return new AuthenticationSession(new Dictionary<string, string> { ["authorizationheader"] = "Basic " + token });
    }
}
