using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patchbay.Cli.Hub;

/// <summary>
/// The CLI's HTTP client of a hub: sends the API key, and turns a problem document into a
/// <see cref="UserErrorException"/> that lists each error with its place.
/// </summary>
internal sealed class HubClient : IDisposable
{
    private readonly HttpClient _http;

    public HubClient(HubProfile profile, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.ApiKey is null)
        {
            throw new UserErrorException($"No API key for {profile.Hub}: set PATCHBAY_API_KEY, or add \"apiKey\" to a profile in {HubProfile.ProfileFile()}.");
        }

        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = profile.Hub;
        _http.Timeout = TimeSpan.FromMinutes(5);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", profile.ApiKey);
    }

    /// <summary>Sends a request; a success answer is returned, anything else becomes a clear error.</summary>
    /// <exception cref="UserErrorException">The hub refused the request, or could not be reached.</exception>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new UserErrorException($"Could not reach the hub at {_http.BaseAddress}: {e.Message}");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new UserErrorException(await DescribeAsync(response, cancellationToken));
        }
    }

    /// <summary>Sends a request and reads a JSON answer.</summary>
    public async Task<JsonNode?> SendForJsonAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public void Dispose() => _http.Dispose();

    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            if (JsonNode.Parse(text) is JsonObject problem && problem["detail"] is JsonValue detail)
            {
                var lines = new List<string> { $"{detail} ({status})" };
                foreach (var error in problem["errors"] as JsonArray ?? [])
                {
                    var place = string.Join(' ', new[] { error?["file"]?.ToString(), error?["path"]?.ToString() }.Where(p => !string.IsNullOrEmpty(p)));
                    lines.Add($"  {place}: {error?["message"]}");
                }

                return string.Join(Environment.NewLine, lines);
            }
        }
        catch (JsonException)
        {
            // Not a problem document: fall through to the raw text.
        }

        return $"The hub answered {status}{(text.Length > 0 ? ": " + text[..Math.Min(text.Length, 500)] : "")}";
    }
}
