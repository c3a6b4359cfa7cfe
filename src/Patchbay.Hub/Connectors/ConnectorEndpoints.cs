using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Connectors;

/// <summary>/api/v1/connectors: upload, list, show, download, restore and delete connectors and their versions.</summary>
public static class ConnectorEndpoints
{
    private const string Major = "/connectors/{name}/versions/{major:int}";

    public static RouteGroupBuilder MapConnectors(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var options = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<HubOptions>();
        api.MapPost("/connectors", UploadAsync)
            .RequireAuthorization(Policies.WriteConnectors)
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: options.MaxUploadBytes)
            .Produces<InstallAnswer>(StatusCodes.Status201Created)
            .Produces<InstallAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Installs a .bizc or a zipped source folder (raw body, or the form field 'file'): a new major is added, a newer minor or patch replaces its major's current version.");
        api.MapGet("/connectors", ListAsync).RequireAuthorization(Policies.ReadConnectors).Produces<IReadOnlyList<ConnectorListItem>>()
            .WithSummary("Lists installed connectors with the current version of each major; ?search= filters by name or description.");
        api.MapGet("/connectors/{name}", ShowAsync).RequireAuthorization(Policies.ReadConnectors).Produces<ConnectorDetail>()
            .WithSummary("A connector's definition, every version, and each current major's actions with their data trees.");
        api.MapDelete("/connectors/{name}", DeleteAsync).RequireAuthorization(Policies.WriteConnectors)
            .WithSummary("Removes a connector: every version and its configuration in every environment.");
        api.MapGet(Major, MajorAsync).RequireAuthorization(Policies.ReadConnectors).Produces<MajorDetail>()
            .WithSummary("The current version of a major version, with its actions and data trees.");
        api.MapDelete(Major, DeleteMajorAsync).RequireAuthorization(Policies.WriteConnectors)
            .WithSummary("Removes a major version: all its versions and its configuration in every environment.");
        api.MapGet(Major + "/history", HistoryAsync).RequireAuthorization(Policies.ReadConnectors).Produces<IReadOnlyList<VersionEntry>>()
            .WithSummary("Every version of a major version, current and replaced, newest first.");
        api.MapGet(Major + "/download", (string name, int major, ConnectorReader reader, CancellationToken cancellationToken) => DownloadAsync(name, major, null, reader, cancellationToken))
            .RequireAuthorization(Policies.ReadConnectors)
            .WithSummary("The current .bizc of a major version.");
        api.MapGet(Major + "/history/{versionId:guid}/download", (string name, int major, Guid versionId, ConnectorReader reader, CancellationToken cancellationToken) => DownloadAsync(name, major, versionId, reader, cancellationToken))
            .RequireAuthorization(Policies.ReadConnectors)
            .WithSummary("The .bizc of a version from a major version's history.");
        api.MapPost(Major + "/history/{versionId:guid}/restore", RestoreAsync).RequireAuthorization(Policies.WriteConnectors).Produces<InstallAnswer>()
            .WithSummary("Makes a version from the history current again; the one current before goes to history.");
        return api;
    }

    private static async Task<IResult> UploadAsync(HttpContext context, ConnectorCatalog catalog, HubOptions options)
    {
        var (bytes, fileName, problem) = await ConnectorUpload.ReadAsync(context.Request, options.MaxUploadBytes, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var (result, invalid) = await ConnectorUpload.InstallAsync(bytes!, fileName, catalog, Caller.From(context.User), context.RequestAborted);
        if (invalid is not null)
        {
            return invalid;
        }

        var answer = InstallAnswer.From(result!);
        return result!.Outcome == InstallOutcome.Unchanged
            ? Results.Json(answer, HubJson.Options)
            : Results.Json(answer, HubJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(string? search, ConnectorReader reader, CancellationToken cancellationToken) =>
        Results.Json(await reader.ListAsync(search, cancellationToken), HubJson.Options);

    private static async Task<IResult> ShowAsync(string name, ConnectorReader reader, CancellationToken cancellationToken) =>
        await reader.ShowAsync(name, cancellationToken) is { } detail ? Results.Json(detail, HubJson.Options) : NoConnector(name);

    private static async Task<IResult> MajorAsync(string name, int major, ConnectorReader reader, CancellationToken cancellationToken) =>
        await reader.MajorAsync(name, major, cancellationToken) is { } detail ? Results.Json(detail, HubJson.Options) : NoMajor(name, major);

    private static async Task<IResult> HistoryAsync(string name, int major, ConnectorReader reader, CancellationToken cancellationToken) =>
        await reader.HistoryAsync(name, major, cancellationToken) is { } versions ? Results.Json(versions, HubJson.Options) : NoMajor(name, major);

    private static async Task<IResult> DownloadAsync(string name, int major, Guid? versionId, ConnectorReader reader, CancellationToken cancellationToken)
    {
        if (await reader.DownloadAsync(name, major, versionId, cancellationToken) is not { } file)
        {
            return versionId is null ? NoMajor(name, major) : ApiProblems.NotFound($"{name} major version {major} has no version with id {versionId}.");
        }

        return Results.File(file.Bytes, "application/octet-stream", file.FileName);
    }

    private static async Task<IResult> RestoreAsync(string name, int major, Guid versionId, HttpContext context, ConnectorCatalog catalog)
    {
        try
        {
            var result = await catalog.RestoreAsync(name, major, versionId, Caller.From(context.User), context.RequestAborted);
            return Results.Json(InstallAnswer.From(result), HubJson.Options);
        }
        catch (CatalogNotFoundException e)
        {
            return ApiProblems.NotFound(e.Message);
        }
    }

    private static async Task<IResult> DeleteMajorAsync(string name, int major, HttpContext context, ConnectorCatalog catalog)
    {
        try
        {
            await catalog.DeleteMajorAsync(name, major, Caller.From(context.User), context.RequestAborted);
            return Results.NoContent();
        }
        catch (CatalogNotFoundException e)
        {
            return ApiProblems.NotFound(e.Message);
        }
    }

    private static async Task<IResult> DeleteAsync(string name, HttpContext context, ConnectorCatalog catalog)
    {
        try
        {
            await catalog.DeleteAsync(name, Caller.From(context.User), context.RequestAborted);
            return Results.NoContent();
        }
        catch (CatalogNotFoundException e)
        {
            return ApiProblems.NotFound(e.Message);
        }
    }

    private static IResult NoConnector(string name) => ApiProblems.NotFound($"No connector named '{name}' is installed.");

    private static IResult NoMajor(string name, int major) => ApiProblems.NotFound($"No connector '{name}' with major version {major} is installed.");
}
