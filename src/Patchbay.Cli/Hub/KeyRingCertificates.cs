using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Patchbay.Cli.Hub;

/// <summary>Reads the certificate that encrypts the hub's key ring, with an error that names the file and the reason.</summary>
internal static class KeyRingCertificates
{
    public static X509Certificate2? Load(string? path, string? password, CliContext context)
    {
        if (path is null)
        {
            return null;
        }

        var file = context.Resolve(path);
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(file, password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"--key-ring-certificate {file}: cannot be read as a PKCS#12 certificate ({e.Message}); is PATCHBAY_KEY_RING_CERTIFICATE_PASSWORD right?");
        }

        if (!certificate.HasPrivateKey)
        {
            throw new UserErrorException($"--key-ring-certificate {file}: the certificate has no private key, so the key ring could not be read back.");
        }

        return certificate;
    }
}
