using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Patchbay.Runtime.Tests.Support;

/// <summary>
/// A loopback server that really verifies RFC 7616 digests: known nonce, opaque, uri of the request line,
/// qop=auth, the response hash, and a nonce count strictly rising per nonce. Expired nonces get
/// <c>stale=true</c>. Written apart from Patchbay's client so that one cannot hide the other's mistakes.
/// </summary>
public sealed partial class DigestServer : IAsyncLifetime
{
    public const string Realm = "patchbay-test@127.0.0.1";
    public const string User = "Mufasa";
    public const string Password = "Circle of Life";

    private readonly ConcurrentDictionary<string, NonceState> _nonces = new();
    private WebApplication? _app;
    private int _challenges;

    public string Url { get; private set; } = "";

    /// <summary>The algorithms offered, one challenge each, in this order.</summary>
    public IReadOnlyList<string> Algorithms { get; init; } = ["SHA-256", "MD5"];

    /// <summary>Fresh nonces handed out.</summary>
    public int Challenges => Volatile.Read(ref _challenges);

    /// <summary>Every accepted request as "algorithm nc".</summary>
    public ConcurrentQueue<string> Accepted { get; } = new();

    /// <summary>From now on, every nonce handed out so far is stale.</summary>
    public void ExpireNonces()
    {
        foreach (var state in _nonces.Values)
        {
            state.Expired = true;
        }
    }

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

    private async Task HandleAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Digest ", StringComparison.Ordinal))
        {
            Challenge(context, stale: false);
            return;
        }

        var fields = Field().Matches(header[7..]).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["token"].Value);
        var algorithm = fields.GetValueOrDefault("algorithm", "MD5");
        if (!fields.TryGetValue("nonce", out var nonce) || !_nonces.TryGetValue(nonce, out var state)
            || fields.GetValueOrDefault("username") != User || fields.GetValueOrDefault("realm") != Realm
            || fields.GetValueOrDefault("uri") != context.Request.Path + context.Request.QueryString
            || fields.GetValueOrDefault("qop") != "auth" || fields.GetValueOrDefault("opaque") != state.Opaque
            || !Algorithms.Contains(algorithm) || !fields.TryGetValue("nc", out var ncText) || !fields.TryGetValue("cnonce", out var cnonce))
        {
            Challenge(context, stale: false);
            return;
        }

        var expected = Expected(algorithm, nonce, ncText, cnonce, context.Request.Method, fields["uri"]);
        if (fields.GetValueOrDefault("response") != expected)
        {
            Challenge(context, stale: false);
            return;
        }

        if (state.Expired)
        {
            Challenge(context, stale: true);
            return;
        }

        var nc = long.Parse(ncText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        lock (state)
        {
            if (nc <= state.LastCount)
            {
                Challenge(context, stale: false); // a replayed or reordered count
                return;
            }

            state.LastCount = nc;
        }

        Accepted.Enqueue($"{algorithm} {nc}");
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"user":"{{User}}","nc":{{nc}},"algorithm":"{{algorithm}}"}""");
    }

    private void Challenge(HttpContext context, bool stale)
    {
        Interlocked.Increment(ref _challenges);
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var opaque = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        _nonces[nonce] = new NonceState(opaque);
        context.Response.StatusCode = 401;
        context.Response.Headers.WWWAuthenticate = Algorithms
            .Select(a => $"Digest realm=\"{Realm}\", qop=\"auth\", algorithm={a}, nonce=\"{nonce}\", opaque=\"{opaque}\"{(stale ? ", stale=true" : "")}")
            .ToArray();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Primitives", Justification = "RFC 7616 digest with MD5, as servers still offer it.")]
    private static string Expected(string algorithm, string nonce, string nc, string cnonce, string method, string uri)
    {
        Func<string, string> h = algorithm.StartsWith("SHA-256", StringComparison.Ordinal)
            ? s => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))
            : s => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(s)));
        var ha1 = h($"{User}:{Realm}:{Password}");
        if (algorithm.EndsWith("-sess", StringComparison.Ordinal))
        {
            ha1 = h($"{ha1}:{nonce}:{cnonce}");
        }

        return h($"{ha1}:{nonce}:{nc}:{cnonce}:auth:{h($"{method}:{uri}")}");
    }

    [GeneratedRegex("""(?<name>\w+)=(?:"(?<quoted>[^"]*)"|(?<token>[^,\s]*))""")]
    private static partial Regex Field();

    private sealed class NonceState(string opaque)
    {
        public string Opaque => opaque;

        public long LastCount { get; set; }

        public bool Expired { get; set; }
    }
}
