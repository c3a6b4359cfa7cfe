using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Patchbay.Hub.Api;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer pb_…</c> or <c>X-Api-Key: pb_…</c>. A key found valid is
/// remembered for a few seconds, so a burst of invocations costs one database read; revoking on this hub
/// forgets it at once (<see cref="Forget"/>), other hubs within <see cref="CacheFor"/>.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    HubDb db,
    IMemoryCache cache,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>How long a valid key is remembered before it is read again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    /// <summary>Forgets a key at once (revoked or changed).</summary>
    public static void Forget(IMemoryCache cache, string prefix)
    {
        ArgumentNullException.ThrowIfNull(cache);
        cache.Remove(CacheKey(prefix));
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Presented();
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var prefix = ApiKeys.PrefixOf(key);
        if (prefix is null)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        if (!cache.TryGetValue(CacheKey(prefix), out ApiKeyRecord? record))
        {
            record = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
            if (record is { RevokedAt: null })
            {
                cache.Set(CacheKey(prefix), record, time.GetUtcNow() + CacheFor);
            }
        }

        if (record is null || record.RevokedAt is not null || !ApiKeys.Matches(key, record.Hash))
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim>
        {
            new(Caller.KeyIdClaim, record.Id.ToString()),
            new(ClaimTypes.Name, record.Name),
            new(ClaimTypes.Role, record.Role),
        };
        if (record.Connectors is not null)
        {
            claims.Add(new Claim(Caller.ConnectorsClaim, record.Connectors));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
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

    private static string CacheKey(string prefix) => "apikey:" + prefix;
}
