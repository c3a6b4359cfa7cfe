using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Patchbay.Runtime.Tests.Support;

/// <summary>
/// A real OAuth 2.0 authorization server (OpenIddict on Kestrel, 127.0.0.1, ephemeral keys, in-memory stores)
/// with token, authorization (auto-approved) and revocation endpoints, plus a protected API that accepts its
/// tokens. It counts token and API requests, and can be told to hold or fail token requests. Shared by the
/// OAuth test classes (its first token costs seconds of JIT and model building); tests count deltas.
/// </summary>
public sealed class OAuthServer : IAsyncLifetime
{
    public const string ServiceClient = "service";
    public const string ServiceSecret = "service-secret-5be1";
    public const string ShortLivedClient = "short-lived";
    public const string InteractiveClient = "interactive";
    public const string InteractiveSecret = "interactive-secret-77c2";
    public const string RedirectUri = "http://127.0.0.1/patchbay/callback";
    public const string User = "alice";
    public const string UserPassword = "wonderland-93f1";

    private WebApplication? _app;
    private int _tokenRequests;
    private int _apiRequests;

    public string Url { get; private set; } = "";

    public string TokenUrl => Url + "/connect/token";

    public string AuthorizeUrl => Url + "/connect/authorize";

    public string RevokeUrl => Url + "/connect/revoke";

    public string ApiUrl => Url + "/api/resource";

    /// <summary>Action code that calls <see cref="ApiUrl"/> with the authorization header and answers its status and body.</summary>
    public string CallApiCode => $$"""
        fetch('{{ApiUrl}}', { headers: { Authorization: globals.authdata.authorizationheader } })
          .then(function (r) { return r.text().then(function (t) { callback(RESPONSE({ status: r.status, body: t }, null, 200)); }); })
          .catch(function (e) { callback(RESPONSE(null, { error: String(e) }, -500, String(e))); });
        """;

    /// <summary>Access token lifetime announced in <c>expires_in</c>; the <see cref="ShortLivedClient"/>'s tokens live 100 s.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public int ApiRequests => Volatile.Read(ref _apiRequests);

    /// <summary>What the person's browser does: follows an authorize URL (the server signs the test user in and approves) and returns the state and code its redirect carries.</summary>
    public static async Task<(string State, string Code)> AuthorizeAsPersonAsync(Uri authorizeUrl)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(authorizeUrl, TestContext.Current.CancellationToken);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"The authorization endpoint answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        location.GetLeftPart(UriPartial.Path).ShouldBe(RedirectUri);
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        return (query["state"]!, query["code"]!);
    }

    /// <summary>The <c>grant_type</c> of every token request, in order of arrival.</summary>
    public ConcurrentQueue<string> GrantTypes { get; } = new();

    /// <summary>Access tokens the API refuses with 401, as an API that revoked them would.</summary>
    public ConcurrentDictionary<string, bool> RefusedTokens { get; } = new();

    /// <summary>When set, the token endpoint answers this status (a scripted failure OpenIddict itself cannot produce).</summary>
    public int? TokenEndpointStatus { get; set; }

    /// <summary>When set, token requests wait for it; <see cref="TokenRequestArrived"/> tells when the first one came in.</summary>
    public TaskCompletionSource? HoldTokenRequests { get; set; }

    public TaskCompletionSource TokenRequestArrived { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Holds token requests until the returned source is completed.</summary>
    public TaskCompletionSource HoldTokens()
    {
        TokenRequestArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        HoldTokenRequests = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return HoldTokenRequests;
    }

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        var database = "oauth-" + Guid.NewGuid().ToString("N");
        builder.Services.AddDbContext<OAuthDbContext>(options => options.UseInMemoryDatabase(database).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<OAuthDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("connect/token").SetAuthorizationEndpointUris("connect/authorize").SetRevocationEndpointUris("connect/revoke");
                server.AllowClientCredentialsFlow().AllowPasswordFlow().AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                server.SetAccessTokenLifetime(AccessTokenLifetime);
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero); // a rotated refresh token is refused at once
                server.RegisterScopes("api", Scopes.OfflineAccess);
                server.IgnoreEndpointPermissions().IgnoreGrantTypePermissions().IgnoreResponseTypePermissions().IgnoreScopePermissions();
                server.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.EnableTokenEntryValidation();
                validation.UseAspNetCore();
            });
        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddAuthorization();
        _app = builder.Build();
        _app.Use(CountAndScriptTokenRequests);
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)Token);
        _app.MapMethods("/connect/authorize", ["GET", "POST"], (Func<HttpContext, IResult>)Authorize);
        _app.MapGet("/api/resource", (Func<HttpContext, IResult>)Resource).RequireAuthorization();
        await RegisterClientsAsync(_app.Services);
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task CountAndScriptTokenRequests(HttpContext context, Func<Task> next)
    {
        if (context.Request.Path == "/connect/token")
        {
            Interlocked.Increment(ref _tokenRequests);
            GrantTypes.Enqueue(context.Request.HasFormContentType ? (await context.Request.ReadFormAsync())["grant_type"].ToString() : "");
            TokenRequestArrived.TrySetResult();
            if (HoldTokenRequests is { } hold)
            {
                await hold.Task;
            }

            if (TokenEndpointStatus is { } status)
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body>Service Unavailable</body></html>");
                return;
            }
        }

        await next();
    }

    private static async Task<IResult> Token(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()!;
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var stored = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(stored.Principal!, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        string subject;
        if (request.IsPasswordGrantType())
        {
            if (request.Username != User || request.Password != UserPassword)
            {
                return Results.Forbid(
                    new AuthenticationProperties(new Dictionary<string, string?>
                    {
                        [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The username/password couple is invalid.",
                    }),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            subject = request.Username;
        }
        else
        {
            subject = request.ClientId!;
        }

        return Results.SignIn(Principal(subject, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Approves every request at once, as the person would.</summary>
    private static IResult Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()!;
        return Results.SignIn(Principal(User, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private IResult Resource(HttpContext context)
    {
        Interlocked.Increment(ref _apiRequests);
        var token = context.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
        if (RefusedTokens.ContainsKey(token))
        {
            return Results.Unauthorized();
        }

        return Results.Json(new { subject = context.User.FindFirst(Claims.Subject)?.Value });
    }

    private static ClaimsPrincipal Principal(string subject, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject);
        identity.SetScopes(scopes);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    private static async Task RegisterClientsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await manager.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ServiceClient,
            ClientSecret = ServiceSecret,
            ClientType = ClientTypes.Confidential,
        });
        var shortLived = new OpenIddictApplicationDescriptor
        {
            ClientId = ShortLivedClient,
            ClientSecret = ServiceSecret,
            ClientType = ClientTypes.Confidential,
        };
        shortLived.Settings[Settings.TokenLifetimes.AccessToken] = TimeSpan.FromSeconds(100).ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        await manager.CreateAsync(shortLived);
        var interactive = new OpenIddictApplicationDescriptor
        {
            ClientId = InteractiveClient,
            ClientSecret = InteractiveSecret,
            ClientType = ClientTypes.Confidential,
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        interactive.RedirectUris.Add(new Uri(RedirectUri));
        await manager.CreateAsync(interactive);
    }

    private sealed class OAuthDbContext(DbContextOptions<OAuthDbContext> options) : DbContext(options);
}
