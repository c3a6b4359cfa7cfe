using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Patchbay.Cli.Tests.Support;
using Patchbay.Hub.Security;

namespace Patchbay.Cli.Tests.HubCommands;

/// <summary>The key ring encrypted at rest with a certificate: <c>serve --key-ring-certificate</c>.</summary>
public sealed class KeyRingCertificateTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SecretHub _hubs = new(ApiKeys.Generate().Key);

    [Fact]
    public async Task With_a_certificate_the_key_ring_holds_no_key_in_clear_and_secrets_survive_a_restart()
    {
        using var certificate = SelfSigned();
        await using (var hub = await _hubs.StartAsync(_folder["data"], certificate))
        {
            await _hubs.InstallWithSecretAsync(hub);
        }

        var keys = Directory.GetFiles(_folder["data/keys"], "key-*.xml");
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(k => File.ReadAllText(k).Contains("<encryptedSecret", StringComparison.Ordinal) && !File.ReadAllText(k).Contains("<masterKey", StringComparison.Ordinal));

        await using var restarted = await _hubs.StartAsync(_folder["data"], X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null));
        SecretHub.SecretArrived(await _hubs.InvokeAsync(restarted)).ShouldBeTrue();
    }

    [Fact]
    public async Task Serve_refuses_a_certificate_it_cannot_read_naming_the_file()
    {
        using var certificate = SelfSigned();
        File.WriteAllBytes(_folder["ring.pfx"], certificate.Export(X509ContentType.Pkcs12, "right"));
        File.WriteAllBytes(_folder["public.cer"], certificate.Export(X509ContentType.Cert));

        var wrongPassword = await _folder.RunAsync("serve", "--data", _folder["data"], "--key-ring-certificate", _folder["ring.pfx"]);
        var noPrivateKey = await _folder.RunAsync("serve", "--data", _folder["data"], "--key-ring-certificate", _folder["public.cer"]);

        wrongPassword.ExitCode.ShouldBe(1);
        wrongPassword.Error.ShouldContain($"--key-ring-certificate {_folder["ring.pfx"]}: cannot be read as a PKCS#12 certificate");
        noPrivateKey.ExitCode.ShouldBe(1);
        noPrivateKey.Error.ShouldContain(_folder["public.cer"]);
        Directory.Exists(_folder["data"]).ShouldBeFalse();
    }

    public void Dispose() => _folder.Dispose();

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Patchbay key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
