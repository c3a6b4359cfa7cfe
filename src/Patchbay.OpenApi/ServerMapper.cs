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

        var server = servers[0];
        var url = Variable().Replace(server.Url ?? "", match =>
        {
            var name = match.Groups[1].Value;
            if (server.Variables?.TryGetValue(name, out var variable) == true && variable.Default is { } value)
            {
                return value;
            }

            report.Unmapped(ServerUrl(pointers), $"The server variable '{name}' has no default; it is left empty.");
            return "";
        });

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

    /// <summary>Swagger 2.0 writes the server as host and basePath.</summary>
    private static string ServerUrl(DocumentPointers pointers) => pointers.IsSwagger2 ? "#/host" : "#/servers/0/url";

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Variable();
}
