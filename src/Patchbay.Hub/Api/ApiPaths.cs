using Microsoft.AspNetCore.Http;

namespace Patchbay.Hub.Api;

/// <summary>
/// The paths of the HTTP API and its OpenAPI document, which are for programs: keys, never cookies; problem
/// documents, never pages. The health endpoints are for load balancers. Everything else is the web UI, for people.
/// </summary>
public static class ApiPaths
{
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    public static bool IsHealth(PathString path) => path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a refusal of this request should be an HTML page rather than a problem document: a browser asking
    /// for a page of the UI (its Accept names text/html; a script's fetch, an image or Blazor's own requests do not).
    /// </summary>
    public static bool WantsPage(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return !IsApi(request.Path) && !IsHealth(request.Path)
            && request.Headers.Accept.Count > 0
            && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
