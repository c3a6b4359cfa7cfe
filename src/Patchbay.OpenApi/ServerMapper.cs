using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Patchbay.OpenApi;

/// <summary>The base URI from the first server, its variables replaced by their defaults.</summary>
internal static partial class ServerMapper
{
    public static string BaseUri(OpenApiDocument document, OpenApiImportOptions options, DocumentPointers pointers, ImportReport report)
    {
        if (options.BaseUri is { } given)
        {
            return given.TrimEnd('/');
        }

        var servers = document.Servers ?? [];
        if (servers.Count == 0)
        {
            report.Unmapped(pointers.IsSwagger2 ? "#/host" : "#/servers", "The document names no server; give the API's address with --base-uri.");
            return "";
        }

        for (var i = 1; i < servers.Count; i++)
        {
            report.Unmapped(pointers.Server(i), $"Only the first server is used; '{servers[i].Url}' is not.");
        }

        var url = Substitute(servers[0], ServerUrl(pointers), report);
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return url.TrimEnd('/');
        }

        if (options.DocumentLocation is { Scheme: "http" or "https" } location && Uri.TryCreate(location, url, out var resolved))
        {
            report.Approximate(ServerUrl(pointers), $"The server URL '{url}' is relative; it was resolved against the document's address to {resolved}.");
            return resolved.ToString().TrimEnd('/');
        }

        report.Unmapped(ServerUrl(pointers), $"The server URL '{url}' is relative (or not http/https); give the API's address with --base-uri.");
        return "";
    }

    /// <summary>
    /// The absolute URL of a server a path item or an operation names for itself, to prefix its action's URL with;
    /// null (reported) when it is relative, since only the connector's base URI resolves relative URLs.
    /// </summary>
    public static string? OperationServer(OpenApiServer server, string pointer, ImportReport report)
    {
        var url = Substitute(server, JsonPointer.Append(pointer, "url"), report);
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return url.TrimEnd('/');
        }

        report.Unmapped(JsonPointer.Append(pointer, "url"), $"The server URL '{url}' is relative; the action uses the connector's base URI instead.");
        return null;
    }

    private static string Substitute(OpenApiServer server, string pointer, ImportReport report) =>
        Variable().Replace(server.Url ?? "", match =>
        {
            var name = match.Groups[1].Value;
            if (server.Variables?.TryGetValue(name, out var variable) == true && variable?.Default is { } value)
            {
                return value;
            }

            report.Unmapped(pointer, $"The server variable '{name}' has no default; it is left empty.");
            return "";
        });

    /// <summary>Swagger 2.0 writes the server as host and basePath.</summary>
    private static string ServerUrl(DocumentPointers pointers) => pointers.IsSwagger2 ? "#/host" : "#/servers/0/url";

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Variable();
}
