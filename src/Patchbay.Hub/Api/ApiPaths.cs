using Microsoft.AspNetCore.Http;

namespace Patchbay.Hub.Api;

/// <summary>The paths of the HTTP API and its OpenAPI document, which are for programs: keys, never cookies; problem documents, never pages.</summary>
public static class ApiPaths
{
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}
