using Microsoft.AspNetCore.DataProtection;

namespace Patchbay.Hub.Configuration;

/// <summary>Encrypts password-mode values (and other secrets such as the proxy URL and OAuth tokens) for storage, with ASP.NET Core Data Protection.</summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    /// <summary>What the API shows instead of a stored secret.</summary>
    public const string Mask = "********";

    private readonly IDataProtector _protector = provider.CreateProtector("Patchbay.Secrets.v1");

    public string Protect(string plain) => _protector.Protect(plain);

    public string Unprotect(string protectedValue) => _protector.Unprotect(protectedValue);
}
