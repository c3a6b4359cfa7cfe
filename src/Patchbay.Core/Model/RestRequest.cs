namespace Patchbay.Core.Model;

/// <summary>The request an Easy REST action sends (bizagi-compat §8).</summary>
public sealed record RestRequest
{
    /// <summary>GET, POST, PUT, PATCH or DELETE.</summary>
    public required string Method { get; init; }

    /// <summary>The URL, absolute or relative to the connector's base URI, with <c>{{input}}</c> placeholders.</summary>
    public required string Url { get; init; }

    /// <summary>application/json, text/plain or application/x-www-form-urlencoded; empty for GET and DELETE.</summary>
    public string ContentType { get; init; } = "";

    public bool UseAuthentication { get; init; }
}
