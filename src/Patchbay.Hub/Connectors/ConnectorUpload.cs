using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Patchbay.Core.Packaging;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Connectors;

/// <summary>
/// Reads an uploaded connector: the raw request body, or the <c>file</c> field of a multipart form; a
/// <c>.bizc</c> or a zipped source folder, told apart by content (<see cref="ConnectorZip"/>).
/// </summary>
internal static class ConnectorUpload
{
    /// <summary>The multipart form field that carries the file.</summary>
    public const string FormField = "file";

    /// <summary>
    /// Reads an uploaded file and installs it when it is valid: the one path of the API's upload and the UI's. An
    /// invalid package or a conflict with what is installed stores nothing.
    /// </summary>
    public static async Task<(InstallResult? Installed, IResult? Problem)> InstallAsync(byte[] bytes, string? fileName, ConnectorCatalog catalog, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(catalog);
        using var stream = new MemoryStream(bytes, writable: false);
        var read = await ConnectorZip.ReadAsync(stream, FileNameOr(fileName), PackageLimits.Default, cancellationToken);
        if (!read.Succeeded)
        {
            return (null, ApiProblems.Invalid("The connector is not valid; nothing was installed.", read.Diagnostics));
        }

        try
        {
            return (await catalog.InstallAsync(read.Package, caller, cancellationToken), null);
        }
        catch (CatalogConflictException e)
        {
            return (null, ApiProblems.Conflict(e.Message));
        }
    }

    /// <summary>The uploaded file of a request and its name, or the problem to answer (400 when there is none, or 413).</summary>
    public static async Task<(byte[]? Bytes, string FileName, IResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, "", TooLarge(maxBytes));
        }

        try
        {
            return request.HasFormContentType
                ? await ReadFormFileAsync(request, maxBytes, cancellationToken)
                : await ReadBodyAsync(request, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, "", TooLarge(maxBytes));
        }
        catch (InvalidDataException) when (request.HasFormContentType)
        {
            // The form reader's own limits (multipart body length) say the same thing in other words.
            return (null, "", TooLarge(maxBytes));
        }
    }

    private static async Task<(byte[]? Bytes, string FileName, IResult? Problem)> ReadFormFileAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile(FormField) is not { } file)
        {
            return (null, "", ApiProblems.Invalid("The form has no file.", [ProblemError.Field("form." + FormField, "Required: the .bizc, or the zipped source folder, as the form field 'file'.")]));
        }

        if (file.Length > maxBytes)
        {
            return (null, "", TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return (buffer.ToArray(), FileNameOr(file.FileName), null);
    }

    private static async Task<(byte[]? Bytes, string FileName, IResult? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The server enforces the size while reading (the endpoint's request size limit).
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return (null, "", ApiProblems.Invalid("The request has no body.", [ProblemError.Field("body", "Send the .bizc, or the zipped source folder, as the body (application/octet-stream or application/zip), or as the form field 'file'.")]));
        }

        var disposition = ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var header) ? header.FileName.Value?.Trim('"') : null;
        return (buffer.ToArray(), FileNameOr(disposition), null);
    }

    /// <summary>The name diagnostics give the zip: the uploaded file's name, without any folder a client sent.</summary>
    private static string FileNameOr(string? fileName) =>
        Path.GetFileName(fileName?.Replace('\\', '/')) is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name) ? name : "upload";

    private static IResult TooLarge(long maxBytes) =>
        ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, $"The upload is larger than {maxBytes:N0} bytes, the hub's limit for connector uploads.");
}
