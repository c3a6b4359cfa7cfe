using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Patchbay.Hub.Security;
using Patchbay.Hub.Ui.Account;

namespace Patchbay.Hub.Ui;

/// <summary>
/// The web UI (Connector Editor and Management Console): Blazor components rendered on the server, served by
/// the hub beside its API and calling the same services.
/// </summary>
public static class UiFeature
{
    /// <summary>
    /// Finds the static web assets (MudBlazor's, Monaco's, blazor.web.js, the hub's own) through the manifests the
    /// Web SDK writes beside the program that hosts the hub (<c>patchbay</c>). A build output's manifest points at
    /// the files where they lie (NuGet cache, project folders); a published program has them in its wwwroot.
    /// </summary>
    public static void UseStaticAssetManifests(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var development = Manifest("runtime");
        if (development is not null)
        {
            builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, development);
            builder.WebHost.UseStaticWebAssets();
        }
    }

    public static IServiceCollection AddHubUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddMudServices();
        services.AddSingleton<HubServices>();
        services.AddScoped<Editor.TestSessions>();
        return services;
    }

    public static WebApplication MapHubUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAntiforgery();
        if (Manifest("endpoints") is { } endpoints)
        {
            app.MapStaticAssets(endpoints);
        }

        app.MapPost("/signout", (Func<HttpContext, Task<IResult>>)SignOutAsync).RequireAuthorization(); // a form post: the antiforgery token is checked
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(HubAuthentication.CookieScheme);
        return Results.LocalRedirect("~/signin");
    }

    /// <summary>The entry program's static web assets manifest of a kind (runtime: build output only; endpoints: always).</summary>
    private static string? Manifest(string kind)
    {
        var program = Assembly.GetEntryAssembly()?.GetName().Name;
        var path = Path.Combine(AppContext.BaseDirectory, $"{program}.staticwebassets.{kind}.json");
        return program is not null && File.Exists(path) ? path : null;
    }
}
