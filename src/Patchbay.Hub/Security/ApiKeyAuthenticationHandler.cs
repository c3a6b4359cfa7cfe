using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Patchbay.Hub.Api;

namespace Patchbay.Hub.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer pb_…</c> or <c>X-Api-Key: pb_…</c> (checked by <see cref="ApiKeyVerifier"/>).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyVerifier verifier) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>Whether a request presents an API key (and so is for this scheme, whatever its path).</summary>
    public static bool Presents(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || request.Headers.ContainsKey(HeaderName);
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Presented();
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var record = await verifier.VerifyAsync(key, Context.RequestAborted);
        return record is null
            ? AuthenticateResult.Fail("Unknown, revoked or malformed API key.")
            : AuthenticateResult.Success(new AuthenticationTicket(ApiKeyVerifier.PrincipalOf(record, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"patchbay\"";
        return ApiProblems.Write(Context, StatusCodesFor.Unauthorized, "An API key is required: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodesFor.Forbidden, "This API key's role may not do this.");

    private string? Presented()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        var apiKey = Request.Headers[HeaderName].ToString();
        return apiKey.Length > 0 ? apiKey.Trim() : null;
    }
}
