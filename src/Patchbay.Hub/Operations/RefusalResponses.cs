using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Patchbay.Hub.Operations;

/// <summary>Documents the refusals every authenticated operation may answer, as problem documents.</summary>
internal sealed class RefusalResponses : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        operation.Responses ??= [];
        Add(operation, "400", "The request is malformed; the problem's errors name each field at fault.");
        Add(operation, "401", "No API key, or an unknown or revoked one.");
        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null))
        {
            Add(operation, "403", "The key's role may not do this.");
        }

        Add(operation, "413", "The request body is larger than the hub accepts.");
        Add(operation, "429", "Too many requests for this key; see Retry-After.");
        if (metadata.OfType<AdmittedInvocation>().Any())
        {
            Add(operation, "503", "The hub runs and queues as many invocations as it accepts; see Retry-After.");
        }
    }

    private static void Add(OpenApiOperation operation, string status, string description) =>
        operation.Responses!.TryAdd(status, new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType() },
        });
}
