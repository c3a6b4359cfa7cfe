using System.Globalization;
using Microsoft.OpenApi;

namespace Patchbay.OpenApi;

/// <summary>
/// Names places in the document as written. OpenAPI 3 pointers follow the model; a Swagger 2.0 document, which
/// the library converts to the OpenAPI 3 model, has its bodies in <c>parameters</c>, its response schemas
/// directly under the response and its components under <c>definitions</c> and <c>securityDefinitions</c>.
/// </summary>
internal sealed class DocumentPointers(OpenApiSpecVersion version)
{
    public bool IsSwagger2 { get; } = version == OpenApiSpecVersion.OpenApi2_0;

    public static string PathItem(string path) => JsonPointer.Append("#/paths", path);

    public static string Operation(string path, string method) => JsonPointer.Append(PathItem(path), method);

    /// <summary>A parameter, by its index in the operation's (or path item's) own list.</summary>
    public static string Parameter(string owner, int index) => JsonPointer.Append(JsonPointer.Append(owner, "parameters"), index);

    public string RequestBody(string operation) =>
        IsSwagger2 ? JsonPointer.Append(operation, "parameters") : JsonPointer.Append(operation, "requestBody");

    public string RequestMediaType(string operation, string mediaType) =>
        IsSwagger2 ? JsonPointer.Append(operation, "consumes") : JsonPointer.Append(RequestBody(operation), "content", mediaType);

    public string RequestSchema(string operation, string mediaType) =>
        IsSwagger2 ? RequestBody(operation) : JsonPointer.Append(RequestMediaType(operation, mediaType), "schema");

    public static string Response(string operation, string status) => JsonPointer.Append(operation, "responses", status);

    public string ResponseSchema(string operation, string status, string mediaType) =>
        IsSwagger2
            ? JsonPointer.Append(Response(operation, status), "schema")
            : JsonPointer.Append(Response(operation, status), "content", mediaType, "schema");

    public string ResponseMediaType(string operation, string status, string mediaType) =>
        IsSwagger2 ? JsonPointer.Append(operation, "produces") : JsonPointer.Append(Response(operation, status), "content", mediaType);

    public string SchemaComponent(string id) =>
        JsonPointer.Append(IsSwagger2 ? "#/definitions" : "#/components/schemas", id);

    public string SecurityScheme(string id) =>
        JsonPointer.Append(IsSwagger2 ? "#/securityDefinitions" : "#/components/securitySchemes", id);

    public string Server(int index) =>
        (IsSwagger2 ? "#/schemes/" : "#/servers/") + index.ToString(CultureInfo.InvariantCulture);
}
