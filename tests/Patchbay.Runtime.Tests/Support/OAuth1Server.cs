using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Patchbay.Runtime.Tests.Support;

/// <summary>
/// A loopback API that verifies OAuth 1.0a HMAC-SHA1 signatures (RFC 5849 §3.4) from the request as ASP.NET
/// Core parsed it (query, form body, Authorization parameters), apart from Patchbay's signer.
/// </summary>
public sealed partial class OAuth1Server : IAsyncLifetime
{
    public const string ConsumerKey = "9djdj82h48djs9d2";
    public const string ConsumerSecret = "j49sk3j29djd";
    public const string Token = "kkk9d7dh3k39sjv7";
    public const string TokenSecret = "dh893hdasih9";

    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _app = Loopback.Create();
        _app.Run(HandleAsync);
        Url = await Loopback.StartAsync(_app);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "HMAC-SHA1 is what RFC 5849 signs with.")]
    private static async Task HandleAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var protocol = header.StartsWith("OAuth ", StringComparison.Ordinal)
            ? Field().Matches(header[6..]).ToDictionary(m => Uri.UnescapeDataString(m.Groups["name"].Value), m => Uri.UnescapeDataString(m.Groups["value"].Value))
            : [];
        var pairs = new List<(string Name, string Value)>();
        pairs.AddRange(context.Request.Query.SelectMany(q => q.Value.Select(v => (q.Key, v ?? ""))));
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            pairs.AddRange(form.SelectMany(f => f.Value.Select(v => (f.Key, v ?? ""))));
        }

        pairs.AddRange(protocol.Where(p => p.Key is not ("oauth_signature" or "realm")).Select(p => (p.Key, p.Value)));
        var normalized = string.Join("&", pairs.Select(p => (Name: Escape(p.Name), Value: Escape(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => p.Name + "=" + p.Value));
        var url = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}";
        var baseString = $"{context.Request.Method}&{Escape(url)}&{Escape(normalized)}";
        var key = Encoding.ASCII.GetBytes($"{Escape(ConsumerSecret)}&{Escape(TokenSecret)}");
        var expected = Convert.ToBase64String(HMACSHA1.HashData(key, Encoding.ASCII.GetBytes(baseString)));
        var valid = protocol.GetValueOrDefault("oauth_signature") == expected
            && protocol.GetValueOrDefault("oauth_consumer_key") == ConsumerKey
            && protocol.GetValueOrDefault("oauth_token") == Token;
        context.Response.StatusCode = valid ? 200 : 401;
        await context.Response.WriteAsync(valid ? "signed" : "bad signature for " + baseString);
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    [GeneratedRegex("""(?<name>[\w%]+)="(?<value>[^"]*)""")]
    private static partial Regex Field();
}
