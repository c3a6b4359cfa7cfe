using System.Text.Json.Serialization;

namespace Patchbay.Hub.Configuration;

/// <summary>The platform settings as the API shows them: the proxy without its credentials, the CAs as PEM and summarized.</summary>
public sealed record PlatformSettingsView(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Proxy,
    IReadOnlyList<string> NoProxy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? CaCertificates,
    IReadOnlyList<CertificateSummary> CaCertificateSummary,
    int DefaultTimeoutSeconds,
    int RetentionDays,
    DateTimeOffset UpdatedAt,
    string? UpdatedBy);

/// <summary>One trusted CA certificate: whom it names and until when it is valid.</summary>
public sealed record CertificateSummary(string Subject, DateTimeOffset NotAfter, string Thumbprint);
