using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Patchbay.Runtime.Http;

/// <summary>
/// The HttpClient of C#-made outbound requests (Easy REST actions, token endpoints): the platform proxy,
/// TLS verification always on with the extra trusted CAs, no automatic redirects (the REST engine follows
/// them Bizagi's way), and no timeout of its own (each invocation brings its own).
/// </summary>
internal static class OutboundHttp
{
    public static HttpClient Create(RuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5), // DNS changes are picked up
            Proxy = options.Proxy is null ? null : new PlatformProxy(options.Proxy, options.NoProxy),
            UseProxy = options.Proxy is not null,
        };
        if (options.ExtraCaCertificatesFile is { } file)
        {
            var extra = new X509Certificate2Collection();
            extra.ImportFromPemFile(file);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => Trusted(certificate, chain, errors, extra);
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = options.MaxResponseBytes };
    }

    /// <summary>Valid for the system, or chaining to one of the extra CAs; a name mismatch is never accepted.</summary>
    private static bool Trusted(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, X509Certificate2Collection extra)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(extra);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }
}
