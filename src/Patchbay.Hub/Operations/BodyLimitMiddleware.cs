using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Patchbay.Hub.Api;

namespace Patchbay.Hub.Operations;

/// <summary>
/// Gives upload endpoints (<see cref="UploadLimit.AllowUploads{TBuilder}"/>, or any request-size-limit metadata) their larger body limit, refuses a
/// declared Content-Length over the limit at once, and turns a body found too large while it is read (Kestrel's
/// <see cref="BadHttpRequestException"/> or the bare 413 minimal APIs answer) into a 413 problem document.
/// </summary>
public sealed class BodyLimitMiddleware(RequestDelegate next, HubOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = options.MaxRequestBytes;
        // An endpoint's own limit (AllowUploads); "no limit" metadata is not honoured: the host stays protected.
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { MaxRequestBodySize: { } endpointLimit }
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = endpointLimit;
            limit = endpointLimit;
        }

        if (context.Request.ContentLength > limit)
        {
            await TooLargeAsync(context, limit);
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLargeAsync(context, limit);
            return;
        }

        if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLargeAsync(context, limit);
        }
    }

    private static Task TooLargeAsync(HttpContext context, long limit)
    {
        // The rest of the body is not read: the connection closes after the answer.
        context.Response.Headers.Connection = "close";
        return ApiProblems.Write(context, StatusCodesFor.PayloadTooLarge, $"The request body is larger than this endpoint accepts ({limit} bytes).");
    }
}
