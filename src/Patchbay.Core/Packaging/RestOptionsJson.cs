using System.Text.Json.Nodes;
using Patchbay.Core.Model;

namespace Patchbay.Core.Packaging;

/// <summary>
/// Patchbay's Easy REST options beyond Bizagi's four fields (method, URL, content type, use-authentication),
/// as camelCase JSON. The same properties sit in a source folder's <c>actions[].rest</c> and in a
/// <c>.bizc</c> action's <c>patchbay</c> object. Each is written only when it differs from its default,
/// so a request that uses none of them looks exactly as before.
/// </summary>
internal static class RestOptionsJson
{
    /// <summary>The property that holds the options in a <c>.bizc</c> action; Bizagi ignores it.</summary>
    public const string BizcProperty = "patchbay";

    public static readonly string[] Keys =
        ["headers", "query", "sendTemplateInputs", "bodyInput", "responseFormat", "resultPath", "pagination", "retry", "timeoutSeconds"];

    private static readonly string[] PaginationKeys =
        ["kind", "itemsPath", "nextPath", "parameter", "sizeParameter", "pageSize", "start", "maxPages", "maxItems"];

    private static readonly string[] RetryKeys = ["maxAttempts", "initialDelaySeconds", "maxDelaySeconds"];

    private static readonly RestPagination DefaultPagination = new() { Kind = PaginationKind.NextLink };
    private static readonly RestRetry DefaultRetry = new();

    /// <summary>True when <paramref name="rest"/> sets any option beyond Bizagi's four fields.</summary>
    public static bool HasOptions(RestRequest rest) => rest != BizagiPart(rest);

    /// <summary>The JSON names of the options <paramref name="rest"/> sets, in write order.</summary>
    public static IReadOnlyList<string> SetKeys(RestRequest rest)
    {
        var node = new JsonObject();
        Write(rest, node);
        return node.Select(p => p.Key).ToList();
    }

    /// <summary>The request without Patchbay's options: what Bizagi itself would run.</summary>
    public static RestRequest BizagiPart(RestRequest rest) => new()
    {
        Method = rest.Method,
        Url = rest.Url,
        ContentType = rest.ContentType,
        UseAuthentication = rest.UseAuthentication,
    };

    /// <summary>Adds the options that differ from their defaults to <paramref name="target"/>, in a fixed order.</summary>
    public static void Write(RestRequest rest, JsonObject target)
    {
        if (rest.Headers.Count > 0)
        {
            target["headers"] = NameValues(rest.Headers);
        }

        if (rest.Query.Count > 0)
        {
            target["query"] = NameValues(rest.Query);
        }

        if (!rest.SendTemplateInputs)
        {
            target["sendTemplateInputs"] = false;
        }

        if (rest.BodyInput.Length > 0)
        {
            target["bodyInput"] = rest.BodyInput;
        }

        if (rest.ResponseFormat != RestResponseFormat.Json)
        {
            target["responseFormat"] = WireNames.Of(rest.ResponseFormat);
        }

        if (rest.ResultPath.Length > 0)
        {
            target["resultPath"] = rest.ResultPath;
        }

        if (rest.Pagination is { } pagination)
        {
            target["pagination"] = Pagination(pagination);
        }

        if (rest.Retry is { } retry)
        {
            target["retry"] = Retry(retry);
        }

        if (rest.Timeout is { } timeout)
        {
            target["timeoutSeconds"] = JsonFields.SecondsNode(timeout);
        }
    }

    /// <summary>
    /// Reads the options of <paramref name="source"/> (at JSON path <paramref name="path"/>) onto
    /// <paramref name="bizagiPart"/>; wrong types are reported and leave the option at its default.
    /// </summary>
    public static RestRequest Read(JsonFields json, JsonObject source, string path, RestRequest bizagiPart) => bizagiPart with
    {
        Headers = ReadNameValues(json, source, "headers", path),
        Query = ReadNameValues(json, source, "query", path),
        SendTemplateInputs = json.Boolean(source, "sendTemplateInputs", path, fallback: true),
        BodyInput = json.String(source, "bodyInput", path),
        ResponseFormat = ReadResponseFormat(json, source, path),
        ResultPath = json.String(source, "resultPath", path),
        Pagination = json.Object(source, "pagination", path) is { } pagination ? ReadPagination(json, pagination, $"{path}.pagination") : null,
        Retry = json.Object(source, "retry", path) is { } retry ? ReadRetry(json, retry, $"{path}.retry") : null,
        Timeout = json.Seconds(source, "timeoutSeconds", path),
    };

    private static JsonObject NameValues(ValueList<RestParameter> parameters) =>
        new(parameters.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.Value)));

    private static JsonObject Pagination(RestPagination pagination)
    {
        var node = new JsonObject { ["kind"] = WireNames.Of(pagination.Kind) };
        AddIfSet(node, "itemsPath", pagination.ItemsPath);
        AddIfSet(node, "nextPath", pagination.NextPath);
        AddIfSet(node, "parameter", pagination.Parameter);
        AddIfSet(node, "sizeParameter", pagination.SizeParameter);
        AddIfChanged(node, "pageSize", pagination.PageSize, DefaultPagination.PageSize);
        AddIfChanged(node, "start", pagination.Start, DefaultPagination.Start);
        AddIfChanged(node, "maxPages", pagination.MaxPages, DefaultPagination.MaxPages);
        AddIfChanged(node, "maxItems", pagination.MaxItems, DefaultPagination.MaxItems);
        return node;
    }

    private static JsonObject Retry(RestRetry retry)
    {
        var node = new JsonObject();
        AddIfChanged(node, "maxAttempts", retry.MaxAttempts, DefaultRetry.MaxAttempts);
        if (retry.InitialDelay != DefaultRetry.InitialDelay)
        {
            node["initialDelaySeconds"] = JsonFields.SecondsNode(retry.InitialDelay);
        }

        if (retry.MaxDelay != DefaultRetry.MaxDelay)
        {
            node["maxDelaySeconds"] = JsonFields.SecondsNode(retry.MaxDelay);
        }

        return node;
    }

    private static void AddIfSet(JsonObject node, string key, string value)
    {
        if (value.Length > 0)
        {
            node[key] = value;
        }
    }

    private static void AddIfChanged(JsonObject node, string key, int value, int fallback)
    {
        if (value != fallback)
        {
            node[key] = value;
        }
    }

    private static ValueList<RestParameter> ReadNameValues(JsonFields json, JsonObject source, string key, string path)
    {
        var obj = json.Object(source, key, path);
        if (obj is null)
        {
            return [];
        }

        var parameters = new List<RestParameter>();
        foreach (var (name, value) in obj)
        {
            if (value is JsonValue text && text.TryGetValue<string>(out var template))
            {
                parameters.Add(new RestParameter(name, template));
            }
            else
            {
                json.Diagnostics.Error("wrong-json-type", json.At($"{path}.{key}[\"{name}\"]"), $"The value of '{name}' must be a string (a template such as \"Bearer {{{{token}}}}\").");
            }
        }

        return parameters.ToValueList();
    }

    private static RestResponseFormat ReadResponseFormat(JsonFields json, JsonObject source, string path)
    {
        var name = json.String(source, "responseFormat", path, fallback: "json");
        if (WireNames.TryParseResponseFormat(name, out var format))
        {
            return format;
        }

        json.Diagnostics.Error("unknown-response-format", json.At(path, "responseFormat"), $"'{name}' is not a response format; use one of {WireNames.ResponseFormatNames}.");
        return RestResponseFormat.Json;
    }

    private static RestPagination ReadPagination(JsonFields json, JsonObject pagination, string path)
    {
        json.WarnUnknown(pagination, path, PaginationKeys);
        var kindName = json.String(pagination, "kind", path, required: true);
        if (!WireNames.TryParsePaginationKind(kindName, out var kind) && pagination["kind"] is not null)
        {
            json.Diagnostics.Error("unknown-pagination-kind", json.At(path, "kind"), $"'{kindName}' is not a pagination kind; use one of {WireNames.PaginationKindNames}.");
        }

        return new RestPagination
        {
            Kind = kind,
            ItemsPath = json.String(pagination, "itemsPath", path),
            NextPath = json.String(pagination, "nextPath", path),
            Parameter = json.String(pagination, "parameter", path),
            SizeParameter = json.String(pagination, "sizeParameter", path),
            PageSize = json.Integer(pagination, "pageSize", path, DefaultPagination.PageSize),
            Start = json.Integer(pagination, "start", path, DefaultPagination.Start),
            MaxPages = json.Integer(pagination, "maxPages", path, DefaultPagination.MaxPages),
            MaxItems = json.Integer(pagination, "maxItems", path, DefaultPagination.MaxItems),
        };
    }

    private static RestRetry ReadRetry(JsonFields json, JsonObject retry, string path)
    {
        json.WarnUnknown(retry, path, RetryKeys);
        return new RestRetry
        {
            MaxAttempts = json.Integer(retry, "maxAttempts", path, DefaultRetry.MaxAttempts),
            InitialDelay = json.Seconds(retry, "initialDelaySeconds", path) ?? DefaultRetry.InitialDelay,
            MaxDelay = json.Seconds(retry, "maxDelaySeconds", path) ?? DefaultRetry.MaxDelay,
        };
    }
}
