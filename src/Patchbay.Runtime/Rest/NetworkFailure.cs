using System.Net.Sockets;
using System.Security.Authentication;

namespace Patchbay.Runtime.Rest;

/// <summary>A request that got no HTTP response, sorted the way Bizagi's engine sorts Node's error codes.</summary>
/// <param name="Kind">Which row of the table and which retry rule apply.</param>
/// <param name="Message">What happened, for the envelope and people (never holds a header).</param>
internal sealed record NetworkFailure(NetworkFailureKind Kind, string Message)
{
    public static NetworkFailure From(HttpRequestException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var socket = Inner<SocketException>(e);
        var kind = e.HttpRequestError switch
        {
            HttpRequestError.ConfigurationLimitExceeded => NetworkFailureKind.TooLarge,
            HttpRequestError.NameResolutionError => NetworkFailureKind.NotFound,
            _ when socket?.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData => NetworkFailureKind.NotFound,
            _ when socket?.SocketErrorCode == SocketError.ConnectionRefused => NetworkFailureKind.Refused,
            HttpRequestError.SecureConnectionError => NetworkFailureKind.Tls,
            _ when Inner<AuthenticationException>(e) is not null => NetworkFailureKind.Tls,
            _ => NetworkFailureKind.Other,
        };
        return new NetworkFailure(kind, Describe(e));
    }

    /// <summary>The messages of the exception and its causes, without repeats ("see inner exception" adds nothing).</summary>
    private static string Describe(Exception e)
    {
        var parts = new List<string>();
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            var text = current.Message.Replace(" See the inner exception for details.", "", StringComparison.Ordinal)
                .Replace(", see inner exception.", ".", StringComparison.Ordinal).Trim();
            if (text.Length > 0 && !parts.Contains(text))
            {
                parts.Add(text);
            }
        }

        return string.Join(" ", parts);
    }

    private static T? Inner<T>(Exception e)
        where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}

internal enum NetworkFailureKind
{
    /// <summary>ENOTFOUND: the host name does not resolve.</summary>
    NotFound,

    /// <summary>ECONNREFUSED: nothing listens; the request was surely not processed.</summary>
    Refused,

    /// <summary>The server's certificate was refused (TLS verification is always on).</summary>
    Tls,

    /// <summary>The response is larger than <see cref="RuntimeOptions.MaxResponseBytes"/>; asking again gives the same.</summary>
    TooLarge,

    /// <summary>Too many redirects.</summary>
    RedirectLoop,

    /// <summary>Reset, closed, or anything else after the connection opened.</summary>
    Other,
}
