namespace Patchbay.Core.Model;

/// <summary>
/// The request an Easy REST action sends (bizagi-compat §8). The first four properties are Bizagi's;
/// everything after them is Patchbay's, optional, and changes nothing while left at its default.
/// </summary>
public sealed record RestRequest
{
    /// <summary>GET, POST, PUT, PATCH or DELETE.</summary>
    public required string Method { get; init; }

    /// <summary>The URL, absolute or relative to the connector's base URI, with <c>{{input}}</c> placeholders.</summary>
    public required string Url { get; init; }

    /// <summary>application/json, text/plain or application/x-www-form-urlencoded; empty for GET and DELETE.</summary>
    public string ContentType { get; init; } = "";

    public bool UseAuthentication { get; init; }

    /// <summary>Request headers; values are templates with <c>{{name}}</c> placeholders (inputs, then Connector parameters).</summary>
    public ValueList<RestParameter> Headers { get; init; } = [];

    /// <summary>Query-string parameters added to the URL; values are templates like <see cref="Headers"/>.</summary>
    public ValueList<RestParameter> Query { get; init; } = [];

    /// <summary>
    /// Whether inputs used by a placeholder in the URL, a header or a query parameter are also sent in the
    /// query string (GET, DELETE) or the body. True is Bizagi's behaviour: every input is sent.
    /// </summary>
    /// <value>True.</value>
    public bool SendTemplateInputs { get; init; } = true;

    /// <summary>When set, the body is this one input's value (an object or a list) instead of the object of all inputs.</summary>
    public string BodyInput { get; init; } = "";

    /// <summary>How the response body is read.</summary>
    /// <value><see cref="RestResponseFormat.Json"/>, Bizagi's: a 2xx body that is not JSON fails.</value>
    public RestResponseFormat ResponseFormat { get; init; } = RestResponseFormat.Json;

    /// <summary>
    /// The part of the response body that becomes the output: a dotted path such as <c>data.items</c> or
    /// <c>results[0]</c>; empty for the whole body.
    /// </summary>
    public string ResultPath { get; init; } = "";

    /// <summary>How to fetch further pages; null to make one request.</summary>
    public RestPagination? Pagination { get; init; }

    /// <summary>Retries on 429, 502, 503, 504 and network errors; null for none (Bizagi's behaviour).</summary>
    public RestRetry? Retry { get; init; }

    /// <summary>The time the whole action (retries and pages included) may take; null for the environment's or runtime's.</summary>
    public TimeSpan? Timeout { get; init; }
}

/// <summary>A name and a value template, for a header or a query parameter.</summary>
public sealed record RestParameter(string Name, string Value);

public enum RestResponseFormat
{
    /// <summary>The body must be JSON (Bizagi).</summary>
    Json,

    /// <summary>The body is XML, converted to JSON before it is mapped to the output tree.</summary>
    Xml,

    /// <summary>JSON or XML according to the response's Content-Type.</summary>
    Auto,
}
