using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Api;

namespace Patchbay.Hub.Security;

/// <summary>
/// Who may do what, for the API and the web UI alike. A request that presents an API key, and every request
/// under /api and /openapi, is authenticated by the key (no cookie ever reaches the API, so it needs no CSRF defence); the
/// web UI's pages by the session cookie its sign-in page sets. Both give the same claims, so one set of
/// policies (<see cref="Policies"/>) serves both.
/// </summary>
public static class HubAuthentication
{
    public const string Scheme = "Patchbay";
    public const string CookieScheme = "PatchbaySession";

    /// <summary>How long a UI session lasts without use.</summary>
    public static readonly TimeSpan SessionIdleTimeout = TimeSpan.FromHours(8);

    public static IServiceCollection AddHubAuthentication(this IServiceCollection services)
    {
        services.AddScoped<ApiKeyVerifier>();
        services.AddScoped<UserVerifier>();
        services.AddScoped<SessionCheck>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<KeyAdmin>();
        services.AddScoped<UserAdmin>();
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key or UI session", p => p.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.Presents(context.Request) || ApiPaths.IsApi(context.Request.Path) ? ApiKeyAuthenticationHandler.SchemeName : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieScheme, c =>
            {
                c.Cookie.Name = "patchbay-session";
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Strict;
                c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                c.ExpireTimeSpan = SessionIdleTimeout;
                c.SlidingExpiration = true;
                c.LoginPath = "/signin";
                c.AccessDeniedPath = "/denied";
                c.Events.OnValidatePrincipal = ValidateSessionAsync;
            });
        services.AddAuthorization(a =>
        {
            foreach (var (policy, roles) in Policies.RolesOf)
            {
                a.AddPolicy(policy, p => p.RequireRole(roles));
            }
        });
        return services;
    }

    /// <summary>A session ends as soon as the key or account it was opened with is revoked.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionCheck>();
        if (!await sessions.IsActiveAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }
}
