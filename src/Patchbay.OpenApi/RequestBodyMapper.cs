using Microsoft.OpenApi;
using Patchbay.Core.Model;

namespace Patchbay.OpenApi;

/// <summary>
/// The request body of an operation as inputs: a JSON or form object's properties become inputs; a JSON array
/// or value, or a text body, becomes one input named <c>body</c> sent as the whole body.
/// </summary>
internal sealed class RequestBodyMapper(DocumentPointers pointers, SchemaMapper schemas, ImportReport report)
{
    public const string BodyInputName = "body";

    /// <summary>How the body is sent; <see cref="Skip"/> when the operation cannot be sent at all.</summary>
    public sealed record Plan(string ContentType, ValueList<DataNode> Inputs, string BodyInput, bool Skip);

    public Plan Map(OpenApiOperation operation, string verb, string operationPointer)
    {
        var sendsBody = verb is "POST" or "PUT" or "PATCH";
        var defaultType = sendsBody ? MediaTypes.Json : "";
        var body = operation.RequestBody;
        if (body?.Content is not { Count: > 0 } content)
        {
            return new Plan(defaultType, [], "", false);
        }

        if (!sendsBody)
        {
            report.Unmapped(pointers.RequestBody(operationPointer), $"Easy REST sends the inputs of a {verb} in the query string, so this body is not sent.");
            return new Plan("", [], "", false);
        }

        var chosen = content.Keys.FirstOrDefault(MediaTypes.IsJson)
            ?? content.Keys.FirstOrDefault(k => MediaTypes.Essence(k) == MediaTypes.Form)
            ?? content.Keys.FirstOrDefault(k => MediaTypes.Essence(k) == MediaTypes.Text);
        foreach (var other in content.Keys.Where(k => k != chosen))
        {
            report.Unmapped(pointers.RequestMediaType(operationPointer, other), chosen is null
                ? $"A {other} body cannot be sent by Easy REST (JSON, form and text can)."
                : $"The body can also be {other}; the action sends {MediaTypes.Essence(chosen)}.");
        }

        if (chosen is null)
        {
            if (body.Required)
            {
                report.Unmapped(operationPointer, "The operation is left out: its required body has no media type Easy REST can send.");
                return new Plan("", [], "", true);
            }

            report.Approximate(pointers.RequestBody(operationPointer), "The optional body is never sent.");
            return new Plan(MediaTypes.Json, [], "", false);
        }

        var type = MediaTypes.Essence(chosen);
        var schema = content[chosen]?.Schema; // null for a media type written with no body
        var schemaPointer = pointers.RequestSchema(operationPointer, chosen);
        if (type == MediaTypes.Text || schema is null)
        {
            return new Plan(type == MediaTypes.Text ? MediaTypes.Text : MediaTypes.Json, [DataNode.Leaf(BodyInputName, DataType.String, isRequired: body.Required)], BodyInputName, false);
        }

        if (schemas.Fields(schema, schemaPointer, markRequired: true) is { } fields)
        {
            if (type == MediaTypes.Form && fields.Any(f => f.Type == DataType.Object || f.IsList))
            {
                report.Approximate(schemaPointer, "Form fields holding objects or lists are sent as the REST engine encodes them, which may not be the API's convention (e.g. a[b]=1).");
            }

            return new Plan(type == MediaTypes.Form ? MediaTypes.Form : MediaTypes.Json, fields, "", false);
        }

        var shape = schemas.Map(schema, schemaPointer, markRequired: true);
        if (shape is null)
        {
            return new Plan(type == MediaTypes.Form ? MediaTypes.Form : MediaTypes.Json, [], "", false);
        }

        if (type == MediaTypes.Form)
        {
            report.Unmapped(schemaPointer, "A form body must be an object of fields; this one is not, so nothing is sent.");
            return new Plan(MediaTypes.Form, [], "", false);
        }

        return new Plan(MediaTypes.Json, [shape.ToNode(BodyInputName, body.Required)], BodyInputName, false);
    }
}
