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
using Patchbay.Runtime.Invocation;

namespace Patchbay.Hub.Invocations;

/// <summary>
/// POST /api/v1/test/actions/{action}: the editor's Test button. Runs an action of a package that is not
/// installed, with values given inline, and records it in the history as a test run (no environment).
/// </summary>
public static class TestActionEndpoints
{
    public const string TestCredentialDomain = "test";

    public static RouteGroupBuilder MapTestActions(this RouteGroupBuilder api)
    {
        api.MapPost("/test/actions/{action}", TestAsync)
            .RequireAuthorization(Policies.WriteConnectors)
            .DisableAntiforgery() // API keys, not cookies: there is no cross-site form to forge
            .WithName("TestAction")
            .WithSummary("Runs an action of an uploaded (not installed) .bizc with inline parameter values: multipart with 'file' (the .bizc) and 'request' ({inputs, connectorParameters, authenticationParameters, timeoutSeconds, log}).");
        return api;
    }

    private static async Task<IResult> TestAsync(string action, HttpContext context, InvocationService invocations, HubOptions options)
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

        var definition = package.Definition;
        var command = new InvocationCommand(Caller.From(context.User), definition.Name, MajorOf(definition.Version), action, "", body!.Inputs) { Mode = InvocationModes.Test };
        var request = new InvocationRequest
        {
            Connector = package,
            Action = action,
            Inputs = body.Inputs,
            ConnectorParameters = body.ConnectorParameters ?? [],
            AuthenticationParameters = body.AuthenticationParameters ?? [],
            CredentialDomain = TestCredentialDomain,
            Timeout = body.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            EnableLog = body.Log ?? true,
        };
        var (record, result) = await invocations.RunAndRecordAsync(command, request, definition.Name, definition.Version, null, context.RequestAborted);

        context.Response.Headers["Patchbay-Invocation-Id"] = record.Id.ToString();
        var answer = (JsonObject)JsonSerializer.SerializeToNode(InvocationAnswers.From(record, result), HubJson.Options)!;
        answer["logs"] = JsonSerializer.SerializeToNode(result.Logs, HubJson.Options);
        answer["httpCalls"] = JsonSerializer.SerializeToNode(result.HttpCalls, HubJson.Options);
        return Results.Json(answer, HubJson.Options);
    }

    private static (TestActionBody? Body, IResult? Error) ParseRequest(string json)
    {
        TestActionBody? body;
        try
        {
            body = json.Length == 0 ? new TestActionBody(null, null, null, null, null) : JsonSerializer.Deserialize<TestActionBody>(json, HubJson.Options);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.Invalid("The request part is not valid JSON.", [ProblemError.Field("request" + (e.Path ?? "$")[1..], e.Message)]));
        }

        if (body is null)
        {
            return (null, ApiProblems.Invalid("The request part must be a JSON object.", [ProblemError.Field("request", "A JSON object.")]));
        }

        if (body.TimeoutSeconds is < 1 or > 600)
        {
            return (null, ApiProblems.Invalid("The timeout is out of range.", [ProblemError.Field("request.timeoutSeconds", "Between 1 and 600 seconds.")]));
        }

        return (body, null);
    }

    private static int MajorOf(string version) =>
        int.TryParse(version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture, out var major) ? major : 0;
}

/// <summary>The JSON part <c>request</c> of a test run: inputs and every parameter value inline.</summary>
public sealed record TestActionBody(
    JsonNode? Inputs,
    Dictionary<string, string>? ConnectorParameters,
    Dictionary<string, string>? AuthenticationParameters,
    int? TimeoutSeconds,
    bool? Log);
