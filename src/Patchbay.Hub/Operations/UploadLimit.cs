using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Patchbay.Hub.Operations;

/// <summary>
/// Request bodies are limited to <see cref="HubOptions.MaxRequestBytes"/> (Kestrel's limit); an upload
/// endpoint opts into <see cref="HubOptions.MaxUploadBytes"/> instead with <c>.AllowUploads()</c>:
/// <code>
/// api.MapPost("/connectors", UploadAsync).RequireAuthorization(Policies.WriteConnectors).AllowUploads();
/// </code>
/// It adds request-size-limit metadata with the hub's upload limit; <see cref="BodyLimitMiddleware"/> applies
/// it before the body is read and answers a body over the limit with a 413 problem document.
/// </summary>
public static class UploadLimit
{
    public static TBuilder AllowUploads<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint => endpoint.Metadata.Add(
            new RequestSizeLimitAttribute(endpoint.ApplicationServices.GetRequiredService<HubOptions>().MaxUploadBytes)));
        return builder;
    }
}
