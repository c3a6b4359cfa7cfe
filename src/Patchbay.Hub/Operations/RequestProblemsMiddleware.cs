using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Patchbay.Hub.Api;

namespace Patchbay.Hub.Operations;

/// <summary>
/// Makes every refusal of the API a problem document, including those ASP.NET Core answers itself: a body that
/// does not bind (malformed JSON, a field of the wrong type) becomes a 400 naming the JSON path at fault, a bare
/// status (415, 405, an empty 400) gets a document, and an unexpected exception a 500 with an id to find it in
/// the log, never its text. A browser asking for a page of the web UI gets the same answers as pages for people
/// (<see cref="ApiProblems.Write"/>); the UI's other requests (scripts, Blazor's connection) are left alone.
/// </summary>
public sealed class RequestProblemsMiddleware(RequestDelegate next, ILogger<RequestProblemsMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!ApiPaths.IsApi(context.Request.Path) && !ApiPaths.WantsPage(context.Request))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted && e.StatusCode != StatusCodes.Status413PayloadTooLarge)
        {
            await WriteAsync(context, BadRequest(e));
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // The one place a request's unexpected failure is caught: logged in full, answered without its text.
            OperationsLog.Unexpected(logger, e, context.TraceIdentifier);
            context.Response.Clear();
            await ApiProblems.Write(context, StatusCodes.Status500InternalServerError, $"The hub failed to answer this request; its log has the cause under request id {context.TraceIdentifier}.");
            return;
        }

        if (context.Response.StatusCode >= StatusCodes.Status400BadRequest && !context.Response.HasStarted && context.Response.ContentType is null)
        {
            var status = context.Response.StatusCode;
            await ApiProblems.Write(context, status, status switch
            {
                StatusCodes.Status415UnsupportedMediaType => "This endpoint does not accept the request's Content-Type; send application/json.",
                StatusCodes.Status405MethodNotAllowed => "This endpoint does not accept the request's method.",
                _ => "The hub refused the request.",
            });
        }
    }

    /// <summary>
    /// The 400 for a request the endpoint could not bind. Malformed JSON names its place, as the API's own checks do
    /// (System.Text.Json's message gives the path, line and position, and at most the one token it choked on).
    /// </summary>
    private static IResult BadRequest(BadHttpRequestException e) => e.InnerException is JsonException json
        ? ApiProblems.Invalid("The body is not valid JSON.", [ProblemError.Field(json.Path ?? "$", Describe(json))])
        : ApiProblems.Problem(StatusCodes.Status400BadRequest, e.Message);

    /// <summary>A value of the wrong type is named as such rather than by the hub's internal type it failed to fit.</summary>
    private static string Describe(JsonException json) =>
        json.Message.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal)
            ? $"The value has the wrong type here (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1})."
            : json.Message;

    private static Task WriteAsync(HttpContext context, IResult result)
    {
        context.Response.Clear();
        return result.ExecuteAsync(context);
    }
}
