using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Patchbay.Hub.Api;

/// <summary>
/// What an /api/v1 request that no endpoint took is told. Routing also passes over an endpoint whose body type does
/// not match (a JSON endpoint sent text/plain) and lands here, so such a request gets a 415 naming the types the
/// endpoint takes, rather than a 404 that says the endpoint does not exist.
/// </summary>
internal static class ApiFallback
{
    public static IResult Answer(HttpContext context, EndpointDataSource endpoints)
    {
        var accepted = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => TakesMethod(e, context.Request.Method) && Matches(e, context.Request.Path))
            .Select(e => e.Metadata.GetMetadata<IAcceptsMetadata>())
            .OfType<IAcceptsMetadata>()
            .SelectMany(a => a.ContentTypes)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return accepted.Count == 0
            ? ApiProblems.NotFound("There is no such endpoint; the hub's OpenAPI document lists them.")
            : ApiProblems.Problem(StatusCodesFor.UnsupportedMediaType, $"This endpoint takes {string.Join(" or ", accepted)}, not '{context.Request.ContentType}'.");
    }

    private static bool TakesMethod(RouteEndpoint endpoint, string method) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase) ?? true;

    /// <summary>Whether the path fits the endpoint's route template (constraints aside: the body type is what failed).</summary>
    private static bool Matches(RouteEndpoint endpoint, PathString path) =>
        endpoint.RoutePattern.RawText is { } template && !template.Contains("{*", StringComparison.Ordinal)
        && new TemplateMatcher(TemplateParser.Parse(template), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary());
}
