namespace Patchbay.OpenApi;

/// <summary>Loads a document from a file path, a <c>file://</c> URL or an <c>http(s)://</c> URL, within a size limit and a timeout.</summary>
public static class OpenApiSource
{
    /// <summary>Real specifications (GitHub's, Stripe's) are a few megabytes; this leaves room without reading anything at all.</summary>
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    /// <summary>The text of the document and where it came from (an absolute URI).</summary>
    /// <exception cref="OpenApiSourceException">The source is missing, too large, unreachable or answered with an error.</exception>
    public static async Task<(string Text, Uri Location)> LoadAsync(string source, string workingDirectory, HttpClient http, long maxBytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(http);
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return (await DownloadAsync(uri, http, maxBytes, timeout, cancellationToken).ConfigureAwait(false), uri);
        }

        var path = Uri.TryCreate(source, UriKind.Absolute, out var fileUri) && fileUri.IsFile ? fileUri.LocalPath : Path.GetFullPath(source, workingDirectory);
        if (!File.Exists(path))
        {
            throw new OpenApiSourceException($"'{source}' does not exist.");
        }

        if (new FileInfo(path).Length > maxBytes)
        {
            throw new OpenApiSourceException($"'{source}' is larger than {maxBytes:N0} bytes, the limit.");
        }

        return (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), new Uri(path));
    }

    private static async Task<string> DownloadAsync(Uri uri, HttpClient http, long maxBytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new OpenApiSourceException($"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw new OpenApiSourceException($"{uri} is larger than {maxBytes:N0} bytes, the limit.");
            }

            var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            await using var disposeStream = stream.ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, deadline.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new OpenApiSourceException($"{uri} is larger than {maxBytes:N0} bytes, the limit.");
                }

                buffer.Write(chunk, 0, read);
            }

            return Core.Model.FileSet.DecodeText(buffer.ToArray());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OpenApiSourceException($"{uri} did not answer within {timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException e)
        {
            throw new OpenApiSourceException($"{uri} could not be reached: {e.Message}");
        }
    }
}

/// <summary>The document could not be loaded; the message says why and where.</summary>
public sealed class OpenApiSourceException(string message) : Exception(message);
