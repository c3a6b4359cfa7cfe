using Microsoft.OpenApi;
using Patchbay.Core.Model;

namespace Patchbay.OpenApi;

/// <summary>
/// The output tree from the first 2xx response with a body: an object's fields, or the item fields of an array
/// (each element is shaped by the tree, as for list responses of Bizagi connectors). A response only in XML is read as XML.
/// </summary>
internal sealed class ResponseMapper(DocumentPointers pointers, SchemaMapper schemas, ImportReport report)
{
    public sealed record Plan(ValueList<DataNode> Outputs, RestResponseFormat Format, string? Accept, RestPagination? Pagination);

    public Plan Map(OpenApiOperation operation, string operationPointer)
    {
        var success = (operation.Responses ?? [])
            .Where(r => r.Key.StartsWith('2') && r.Value.Content is { Count: > 0 })
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        if (success.Value?.Content is not { } content)
        {
            return new Plan([], RestResponseFormat.Json, null, null);
        }

        var status = success.Key;
        var plan = Map(success.Value, content, operationPointer, status);
        ReportHeaders(success.Value, operationPointer, status, paginated: plan.Pagination is not null);
        return plan;
    }

    private Plan Map(IOpenApiResponse response, IDictionary<string, IOpenApiMediaType> content, string operationPointer, string status)
    {
        var json = content.Keys.FirstOrDefault(MediaTypes.IsJson);
        var xml = content.Keys.FirstOrDefault(MediaTypes.IsXml);
        var chosen = json ?? xml;
        if (chosen is null)
        {
            var only = content.Keys.First();
            report.Unmapped(pointers.ResponseMediaType(operationPointer, status, only), $"The response is {only}; Easy REST reads JSON or XML, so the action has no outputs.");
            return new Plan([], RestResponseFormat.Json, null, null);
        }

        var format = json is null ? RestResponseFormat.Xml : RestResponseFormat.Json;
        var accept = content.Count > 1 ? MediaTypes.Essence(chosen) : null;
        var schema = content[chosen]?.Schema; // null for a media type written with no body (`application/json:`)
        if (schema is null)
        {
            return new Plan([], format, accept, null);
        }

        var at = pointers.ResponseSchema(operationPointer, status, chosen);
        var shape = schemas.Map(schema, at, markRequired: false);
        if (shape is null)
        {
            return new Plan([], format, accept, null);
        }

        if (shape.Type != DataType.Object)
        {
            report.Approximate(at, $"The response is {(shape.IsList ? "a list of " : "a single ")}{shape.Type} value{(shape.IsList ? "s" : "")}, not an object; the action has no output tree and passes the body through unchanged.");
            return new Plan([], format, accept, null);
        }

        return new Plan(shape.Children, format, accept, shape.IsList ? LinkPagination(response, operationPointer, status) : null);
    }

    /// <summary>Response headers are not part of the body, so they cannot be outputs (a Link header drives pagination instead).</summary>
    private void ReportHeaders(IOpenApiResponse response, string operationPointer, string status, bool paginated)
    {
        foreach (var header in (response.Headers?.Keys ?? []).Where(h => !(paginated && h.Equals("Link", StringComparison.OrdinalIgnoreCase))))
        {
            report.Unmapped(JsonPointer.Append(DocumentPointers.Response(operationPointer, status), "headers", header), $"The response header '{header}' cannot be an output; outputs come from the body.");
        }
    }

    /// <summary>A list response that declares a Link header pages the GitHub way: follow rel="next".</summary>
    private RestPagination? LinkPagination(IOpenApiResponse response, string operationPointer, string status)
    {
        var link = response.Headers?.Keys.FirstOrDefault(h => h.Equals("Link", StringComparison.OrdinalIgnoreCase));
        if (link is null)
        {
            return null;
        }

        report.Approximate(JsonPointer.Append(DocumentPointers.Response(operationPointer, status), "headers", link), "The list response has a Link header: the action follows rel=\"next\" and collects up to 10 pages (change or remove the pagination if the API pages otherwise).");
        return new RestPagination { Kind = PaginationKind.NextLink };
    }
}
