using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Invocations;

/// <summary>
/// POST /api/v1/test/actions/{action}: the editor's Test button. Runs an action of a package that is not
/// installed, with values given inline or those of an environment, and records it in the history as a test run
/// (<see cref="ActionTests"/> does the work, for the Test panel too).
/// </summary>
public static class TestActionEndpoints
{
    public static RouteGroupBuilder MapTestActions(this RouteGroupBuilder api)
    {
        api.MapPost("/test/actions/{action}", TestAsync)
            .RequireAuthorization(Policies.WriteConnectors)
            .DisableAntiforgery() // API keys, not cookies: there is no cross-site form to forge
            .WithName("TestAction")
            .WithSummary("Runs an action of an uploaded (not installed) .bizc with inline parameter values or an environment's: multipart with 'file' (the .bizc) and 'request' ({inputs, connectorParameters, authenticationParameters, environment, timeoutSeconds, log}).");
        return api;
    }

    private static async Task<IResult> TestAsync(string action, HttpContext context, ActionTests tests, HubOptions options)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxUploadBytes;
        }

        if (!context.Request.HasFormContentType)
        {
            return ApiProblems.Invalid("A multipart/form-data body is required.", [ProblemError.Field("file", "The connector package (.bizc).")]);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form.Files["file"] is not { } file)
        {
            return ApiProblems.Invalid("The connector package is required.", [ProblemError.Field("file", "Required: the connector package (.bizc).")]);
        }

        var (body, bodyError) = ParseRequest(form["request"].ToString());
        if (bodyError is not null)
        {
            return bodyError;
        }

        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes, context.RequestAborted);
        bytes.Position = 0;
        var read = await BizcReader.ReadAsync(bytes, file.FileName, PackageLimits.Default, context.RequestAborted);

        if (read.Package is not { } package || read.Diagnostics.Any(d => d.IsError))
        {
            return ApiProblems.Invalid($"The package {file.FileName} is not valid.", read.Diagnostics);
        }

        var test = new ActionTest(package, action, body!.Inputs)
        {
            ConnectorParameters = body.ConnectorParameters ?? [],
            AuthenticationParameters = body.AuthenticationParameters ?? [],
            Environment = body.Environment,
            TimeoutSeconds = body.TimeoutSeconds,
            Log = body.Log ?? true,
        };
        var (run, problem) = await tests.RunAsync(test, Caller.From(context.User), context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        context.Response.Headers["Patchbay-Invocation-Id"] = run!.Answer.InvocationId.ToString();
        var answer = (JsonObject)JsonSerializer.SerializeToNode(run.Answer, HubJson.Options)!;
        answer["logs"] = JsonSerializer.SerializeToNode(run.Logs, HubJson.Options);
        answer["httpCalls"] = JsonSerializer.SerializeToNode(run.HttpCalls, HubJson.Options);
        return Results.Json(answer, HubJson.Options);
    }

    private static (TestActionBody? Body, IResult? Error) ParseRequest(string json)
    {
        TestActionBody? body;
        try
        {
            body = json.Length == 0 ? new TestActionBody(null, null, null, null, null, null) : JsonSerializer.Deserialize<TestActionBody>(json, HubJson.Options);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.Invalid("The request part is not valid JSON.", [ProblemError.Field("request" + (e.Path ?? "$")[1..], e.Message)]));
        }

        if (body is null)
        {
            return (null, ApiProblems.Invalid("The request part must be a JSON object.", [ProblemError.Field("request", "A JSON object.")]));
        }

        return (body, null);
    }
}

/// <summary>The JSON part <c>request</c> of a test run: inputs, and every parameter value inline or an environment that has them.</summary>
public sealed record TestActionBody(
    JsonNode? Inputs,
    Dictionary<string, string>? ConnectorParameters,
    Dictionary<string, string>? AuthenticationParameters,
    string? Environment,
    int? TimeoutSeconds,
    bool? Log);
