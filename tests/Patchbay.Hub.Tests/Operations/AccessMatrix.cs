using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Operations;

/// <summary>Every endpoint the running hub maps, read from its <see cref="EndpointDataSource"/>, with a URL to call it by.</summary>
internal static partial class AccessMatrix
{
    public static IReadOnlyList<HubEndpoint> Endpoints(HubFixture hub) =>
        [.. hub.Hub.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new HubEndpoint(
                "/" + e.RoutePattern.RawText!.Trim('/'),
                Url(e.RoutePattern.RawText!, "x"),
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToList() ?? ["GET"],
                [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct()],
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                IsUi(e.RoutePattern.RawText!),
                [.. e.Metadata.GetOrderedMetadata<IAcceptsMetadata>().SelectMany(a => a.ContentTypes).Distinct()],
                e.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not null))];

    /// <summary>The web UI (pages, sign-out): authenticated by the session cookie; the API and its document by a key.</summary>
    private static bool IsUi(string route) =>
        !route.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) && !route.TrimStart('/').StartsWith("openapi/", StringComparison.Ordinal);

    /// <summary>The route with dummy values: numbers for int constraints, a GUID for guid ones, <paramref name="text"/> (escaped) otherwise.</summary>
    public static string Url(string route, string text)
    {
        ArgumentNullException.ThrowIfNull(route);
        var path = route.Trim('/');
        return "/" + RouteParameter().Replace(path, m =>
        {
            var constraint = m.Groups["constraint"].Value;
            return constraint.Contains("int", StringComparison.Ordinal) || constraint.Contains("long", StringComparison.Ordinal) ? "1"
                : constraint.Contains("guid", StringComparison.Ordinal) ? Guid.Empty.ToString()
                : Uri.EscapeDataString(text);
        });
    }

    /// <summary>The route as OpenAPI writes it: /keys/{id:guid} is /keys/{id}.</summary>
    public static string WithoutConstraints(string route) => Constraint().Replace(route, "{$1}");

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"\{\*{0,2}(?<name>[^}:?=]+)(?<constraint>[^}]*)\}")]
    private static partial Regex RouteParameter();
}

/// <summary>
/// One endpoint: its route template, a URL with dummy values, methods, required policies, whether it is anonymous,
/// whether it belongs to the web UI, the body content types it binds, and whether it takes uploads (a larger body limit).
/// </summary>
internal sealed record HubEndpoint(string Route, string Url, IReadOnlyList<string> Methods, IReadOnlyList<string> Policies, bool Anonymous, bool IsUi, IReadOnlyList<string> Accepts, bool TakesUploads);
