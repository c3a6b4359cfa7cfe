using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Patchbay.Core.Diagnostics;
using Patchbay.Hub.Ui.Faults;

namespace Patchbay.Hub.Api;

/// <summary>
/// Every error the API answers is an RFC 9457 problem document: <c>{type, title, status, detail}</c>, plus
/// <c>errors</c> (each with code, file, path and message) when a definition or input was at fault.
/// </summary>
public static class ApiProblems
{
    /// <summary>A plain problem: status and what went wrong, for people.</summary>
    public static IResult Problem(int status, string detail) =>
        Results.Json(Document(status, detail, null), HubJson.Options, "application/problem+json", status);

    /// <summary>A 400 naming every error diagnostic with its place (file, JSON path) and reason.</summary>
    public static IResult Invalid(string detail, IEnumerable<Diagnostic> diagnostics) =>
        Results.Json(Document(StatusCodesFor.BadRequest, detail, diagnostics.Where(d => d.IsError).Select(ProblemError.From).ToList()), HubJson.Options, "application/problem+json", StatusCodesFor.BadRequest);

    /// <summary>A 400 with errors already placed (a request field at fault).</summary>
    public static IResult Invalid(string detail, IReadOnlyList<ProblemError> errors) =>
        Results.Json(Document(StatusCodesFor.BadRequest, detail, errors), HubJson.Options, "application/problem+json", StatusCodesFor.BadRequest);

    public static IResult NotFound(string detail) => Problem(StatusCodesFor.NotFound, detail);

    public static IResult Conflict(string detail) => Problem(StatusCodesFor.Conflict, detail);

    /// <summary>
    /// Writes a problem outside an endpoint (authentication, rate limiting, body limits, storage faults, unexpected
    /// exceptions): a problem document, or, to a browser asking for a page of the UI, the same facts as a page for
    /// people (<see cref="ErrorPage"/>).
    /// </summary>
    public static Task Write(HttpContext context, int status, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ApiPaths.WantsPage(context.Request))
        {
            return ErrorPage.WriteAsync(context, Document(status, detail));
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(Document(status, detail, null), HubJson.Options), context.RequestAborted);
    }

    /// <summary>The problem document a service answered, for the UI to show: null when the result is not a problem.</summary>
    public static ProblemBody? Read(IResult? result) =>
        result is IValueHttpResult { Value: ProblemBody body } ? body : null;

    /// <summary>A problem document as the API writes it; the UI shows its own refusals (a file too large) in the same form.</summary>
    public static ProblemBody Document(int status, string detail, IReadOnlyList<ProblemError>? errors = null) =>
        new("https://httpstatuses.io/" + status, StatusCodesFor.Title(status), status, detail, errors);
}

/// <summary>An RFC 9457 problem document, as the API writes it and the UI shows it.</summary>
public sealed record ProblemBody(
    string Type,
    string Title,
    int Status,
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ProblemError>? Errors);

/// <summary>One error of a problem document: a diagnostic code, where (file and JSON path, or request field) and why.</summary>
public sealed record ProblemError(string Code, string? File, string? Path, string Message)
{
    public static ProblemError From(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new ProblemError(diagnostic.Code, diagnostic.Location.File, diagnostic.Location.Path, diagnostic.Message);
    }

    /// <summary>A request field at fault: <c>$.environment</c>, <c>query.status</c>, ...</summary>
    public static ProblemError Field(string path, string message) => new("request", null, path, message);
}

/// <summary>Status codes and their titles in one place.</summary>
public static class StatusCodesFor
{
    public const int BadRequest = 400;
    public const int Unauthorized = 401;
    public const int Forbidden = 403;
    public const int NotFound = 404;
    public const int Conflict = 409;
    public const int PayloadTooLarge = 413;
    public const int UnsupportedMediaType = 415;
    public const int UnprocessableContent = 422;
    public const int TooManyRequests = 429;
    public const int InternalServerError = 500;
    public const int ServiceUnavailable = 503;
    public const int InsufficientStorage = 507;

    public static string Title(int status) => status switch
    {
        BadRequest => "Bad Request",
        Unauthorized => "Unauthorized",
        Forbidden => "Forbidden",
        NotFound => "Not Found",
        Conflict => "Conflict",
        PayloadTooLarge => "Payload Too Large",
        UnsupportedMediaType => "Unsupported Media Type",
        UnprocessableContent => "Unprocessable Content",
        TooManyRequests => "Too Many Requests",
        InternalServerError => "Internal Server Error",
        ServiceUnavailable => "Service Unavailable",
        InsufficientStorage => "Insufficient Storage",
        _ => "Error",
    };
}
