using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Core.Model;

namespace Patchbay.Runtime.Rest;

/// <summary>Reads a 2xx body as the action's <see cref="RestResponseFormat"/> says.</summary>
internal static class RestBody
{
    private static readonly JsonDocumentOptions Lenient = new() { MaxDepth = 512 };

    /// <summary>The tree; or, when the body cannot be read, the envelope and the reason for people.</summary>
    public static (JsonNode? Tree, JsonObject? Envelope, string? Problem) Read(RestReply reply, RestResponseFormat format, string what)
    {
        var text = reply.Text();
        var xml = format == RestResponseFormat.Xml
                  || (format == RestResponseFormat.Auto && (reply.MediaType.EndsWith("/xml", StringComparison.OrdinalIgnoreCase) || reply.MediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)));
        if (text.Length == 0)
        {
            return (new JsonObject(), null, null); // getResponse reads a missing body as {}
        }

        if (xml)
        {
            var (tree, problem) = XmlToJson.Convert(text);
            return problem is null
                ? (tree, null, null)
                : (null, RestEnvelopes.Create(null, null, reply.Status, "The response must be a valid XML: " + problem), $"{what} answered {reply.Status} with a body that is not XML: {problem}");
        }

        try
        {
            return (JsonNode.Parse(text, documentOptions: Lenient) ?? new JsonObject(), null, null);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            var type = reply.MediaType.Length > 0 ? reply.MediaType : "no Content-Type";
            return (null, RestEnvelopes.NotJson(reply.Status), $"{what} answered {reply.Status} with a body that is not JSON ({type}); Bizagi says: {BizagiMessages.NotJson}");
        }
    }
}
