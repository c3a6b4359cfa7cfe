using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Patchbay.Hub.Configuration;

/// <summary>Extra trusted CA certificates as PEM text: parsed to check them and to summarize them.</summary>
public static class CaCertificates
{
    /// <summary>The certificates of a PEM text, or the reason it is not one.</summary>
    public static (IReadOnlyList<CertificateSummary>? Certificates, string? Error) Parse(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            return (null, "No PEM certificate: expected one or more '-----BEGIN CERTIFICATE-----' blocks.");
        }

        using var collection = new DisposableCollection();
        try
        {
            collection.Certificates.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            return (null, $"Not valid PEM X.509 certificates: {e.Message}");
        }

        return ([.. collection.Certificates.Select(c => new CertificateSummary(c.Subject, new DateTimeOffset(c.NotAfter.ToUniversalTime(), TimeSpan.Zero), c.Thumbprint))], null);
    }

    /// <summary>The summaries of PEM text stored earlier (already checked).</summary>
    public static IReadOnlyList<CertificateSummary> Summarize(string? pem) =>
        pem is { Length: > 0 } ? Parse(pem).Certificates ?? [] : [];

    private sealed class DisposableCollection : IDisposable
    {
        public X509Certificate2Collection Certificates { get; } = [];

        public void Dispose()
        {
            foreach (var certificate in Certificates)
            {
                certificate.Dispose();
            }
        }
    }
}
