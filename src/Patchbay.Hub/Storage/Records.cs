namespace Patchbay.Hub.Storage;

// The hub's tables. Each record is a plain row; rules live in the services that write them.

/// <summary>An installed connector: one row per connector name, whatever its versions.</summary>
public sealed class ConnectorRecord
{
    public Guid Id { get; set; }

    /// <summary>The connector's name as its definition gives it; the API addresses connectors by it.</summary>
    public required string Name { get; set; }

    /// <summary><see cref="Name"/> in lower case: names are unique without regard to case.</summary>
    public required string NameKey { get; set; }

    /// <summary>The definition's <c>globalguid</c>: another connector with the same name is refused, not mixed in.</summary>
    public required string GlobalGuid { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ConnectorVersionRecord> Versions { get; set; } = [];
}

/// <summary>
/// One uploaded version. Per major version exactly one is current; uploading a new minor or patch of that
/// major makes the new one current and keeps the old one as history, restorable.
/// </summary>
public sealed class ConnectorVersionRecord
{
    public Guid Id { get; set; }

    public Guid ConnectorId { get; set; }

    public ConnectorRecord? Connector { get; set; }

    public int Major { get; set; }

    /// <summary>The full SemVer text of the definition (1.4.2).</summary>
    public required string Version { get; set; }

    public bool IsCurrent { get; set; }

    /// <summary>The package as a <c>.bizc</c>, as written by Patchbay.Core (download returns it).</summary>
    public required byte[] Package { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Package"/>.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>The API key name that uploaded it.</summary>
    public required string UploadedBy { get; set; }

    /// <summary>When it stopped being current (replaced or restored over); null while current.</summary>
    public DateTimeOffset? ReplacedAt { get; set; }
}

/// <summary>An environment: Development, Test and Production exist from the start; operators add more.</summary>
public sealed class EnvironmentRecord
{
    /// <summary>The environment's name, as given (unique without regard to case through <see cref="NameKey"/>).</summary>
    public required string Name { get; set; }

    public required string NameKey { get; set; }

    public string? Description { get; set; }

    public bool IsBuiltIn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The configuration of one connector major version in one environment.</summary>
public sealed class ConnectorConfigRecord
{
    public Guid Id { get; set; }

    public Guid ConnectorId { get; set; }

    public int Major { get; set; }

    /// <summary>The environment's <see cref="EnvironmentRecord.NameKey"/>.</summary>
    public required string EnvironmentKey { get; set; }

    /// <summary>The invocation timeout; the platform default when null.</summary>
    public int? TimeoutSeconds { get; set; }

    /// <summary>Bizagi's <c>enablelog</c> for invocations in this environment.</summary>
    public bool LoggingEnabled { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public List<ParameterValueRecord> Values { get; set; } = [];
}

/// <summary>One parameter value of a <see cref="ConnectorConfigRecord"/>.</summary>
public sealed class ParameterValueRecord
{
    public Guid Id { get; set; }

    public Guid ConfigId { get; set; }

    /// <summary>"connector" or "authentication": the tab of the parameter.</summary>
    public required string Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>The value; for password-mode parameters the Data Protection ciphertext, never the plain value.</summary>
    public required string Value { get; set; }

    public bool IsSecret { get; set; }
}

/// <summary>Platform settings: one row (Id 1).</summary>
public sealed class PlatformSettingsRecord
{
    public int Id { get; set; } = 1;

    /// <summary>The global proxy URL, Data Protection ciphertext (it may hold credentials); null for none.</summary>
    public string? ProtectedProxy { get; set; }

    /// <summary>Hosts reached without the proxy, comma-separated.</summary>
    public string? NoProxy { get; set; }

    /// <summary>Extra trusted CA certificates, PEM.</summary>
    public string? CaCertificatesPem { get; set; }

    public int DefaultTimeoutSeconds { get; set; } = 30;

    /// <summary>How long invocation history is kept.</summary>
    public int RetentionDays { get; set; } = 30;

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}

/// <summary>An API key. Only a SHA-256 hash of the secret is stored; the key itself is shown once.</summary>
public sealed class ApiKeyRecord
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The key's public prefix (pb_xxxxxxxx), for lookup and for people to tell keys apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; set; }

    /// <summary>admin, author, operator or invoker.</summary>
    public required string Role { get; set; }

    /// <summary>For invokers: the connector names (lower case, comma-separated) it may invoke; null for all.</summary>
    public string? Connectors { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>
/// A person's account for the web UI: signs in with name and password and acts with a role, as an API key does.
/// Only a PBKDF2 hash of the password is stored (ASP.NET Core Identity's format).
/// </summary>
public sealed class UserRecord
{
    public Guid Id { get; set; }

    /// <summary>The name as given; unique without regard to case through <see cref="NameKey"/>.</summary>
    public required string Name { get; set; }

    public required string NameKey { get; set; }

    public required string PasswordHash { get; set; }

    /// <summary>admin, author, operator or invoker.</summary>
    public required string Role { get; set; }

    /// <summary>For invokers: the connector names (lower case, comma-separated) they may invoke; null for all.</summary>
    public string? Connectors { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}

/// <summary>One invocation, as recorded: password-mode values redacted.</summary>
public sealed class InvocationRecord
{
    public Guid Id { get; set; }

    public required string ConnectorName { get; set; }

    public int Major { get; set; }

    public required string Version { get; set; }

    public required string Action { get; set; }

    /// <summary>The environment's name; null for a test run of an uninstalled connector.</summary>
    public string? Environment { get; set; }

    /// <summary>sync, async or test.</summary>
    public required string Mode { get; set; }

    /// <summary>The API key name of the caller.</summary>
    public required string Caller { get; set; }

    /// <summary>The hub node that ran it (<see cref="HubOptions.NodeName"/>): which hub of a scale-out did the work.</summary>
    public string? Node { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public double DurationMilliseconds { get; set; }

    /// <summary>The runtime's outcome name (Succeeded, Timeout, ...).</summary>
    public required string Outcome { get; set; }

    public bool Success { get; set; }

    /// <summary>Bizagi's <c>connectorstatuscode</c>.</summary>
    public int StatusCode { get; set; }

    public string? ErrorMessage { get; set; }

    public string? InputsJson { get; set; }

    public string? EnvelopeJson { get; set; }

    public string? LogsJson { get; set; }

    public string? HttpCallsJson { get; set; }

    /// <summary>The async job this invocation was an attempt of; null for sync calls.</summary>
    public Guid? JobId { get; set; }

    public int Attempt { get; set; } = 1;
}

/// <summary>An async invocation: accepted at once, run (and retried) by the job engine.</summary>
public sealed class JobRecord
{
    public Guid Id { get; set; }

    /// <summary>queued, running, succeeded, failed.</summary>
    public required string State { get; set; }

    /// <summary>The invocation request as JSON: connector, major, action, environment, inputs.</summary>
    public required string RequestJson { get; set; }

    public required string Caller { get; set; }

    public int MaxAttempts { get; set; } = 1;

    /// <summary>Seconds before the second attempt; doubled for each later one.</summary>
    public int BackoffSeconds { get; set; }

    public int Attempts { get; set; }

    public string? CallbackUrl { get; set; }

    /// <summary>null (none), pending, delivered or failed.</summary>
    public string? CallbackState { get; set; }

    /// <summary>The last attempt's invocation.</summary>
    public Guid? InvocationId { get; set; }

    /// <summary>Why the job failed when no attempt's answer says it: its storage stayed unavailable through every retry.</summary>
    public string? FailureReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>The first answer to a request sent with an <c>Idempotency-Key</c>, per API key.</summary>
public sealed class IdempotencyRecord
{
    /// <summary>The API key's id and the header value, joined by a colon.</summary>
    public required string Key { get; set; }

    /// <summary>SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public required string RequestHash { get; set; }

    public Guid? InvocationId { get; set; }

    public Guid? JobId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One change to connectors, versions, configuration, keys or settings: who, what, when; never a secret value.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The API key name that made the change.</summary>
    public required string Actor { get; set; }

    /// <summary>What was done, as a dotted verb: connector.upload, config.update, key.revoke, ...</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to: connector name and version, environment, key name, ...</summary>
    public required string Target { get; set; }

    /// <summary>A JSON object of details (names of changed fields, never secret values).</summary>
    public string? Details { get; set; }
}

/// <summary>A persisted OAuth token of a connection, shared by every hub: Data Protection ciphertext.</summary>
public sealed class OAuthTokenRecord
{
    /// <summary>The runtime's connection key (connector/major/domain/parameters hash).</summary>
    public required string Connection { get; set; }

    public string? ProtectedRefreshToken { get; set; }

    /// <summary>The current access token, so that another hub uses it instead of refreshing again.</summary>
    public string? ProtectedAccessToken { get; set; }

    public DateTimeOffset? AccessTokenExpiresAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// An OAuth 2.0 authorization a person was sent to and has not come back from: any hub on the database can
/// complete it, once, until it expires. Neither column lets a reader of the database complete it: the state is
/// kept as its hash and the PKCE code verifier as Data Protection ciphertext.
/// </summary>
public sealed class OAuthAuthorizationRecord
{
    /// <summary>SHA-256 of the state the redirect brings back, as lowercase hex.</summary>
    public required string StateHash { get; set; }

    /// <summary>The name of the API key or user who started it, for the audit record of its outcome.</summary>
    public required string StartedBy { get; set; }

    public required string ConnectorName { get; set; }

    public int Major { get; set; }

    /// <summary>The environment's name as configured.</summary>
    public required string Environment { get; set; }

    /// <summary>The runtime's connection key the tokens will belong to.</summary>
    public required string Connection { get; set; }

    public required string RedirectUri { get; set; }

    public required string ProtectedCodeVerifier { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>
/// A connector being edited in the Connector Editor, saved as the person works so nothing is lost; installing
/// it copies it into the catalog, the draft stays.
/// </summary>
public sealed class DraftRecord
{
    public Guid Id { get; set; }

    /// <summary>The connector's name when last saved, kept beside the package so the list can show and search it.</summary>
    public required string Name { get; set; }

    public required string Version { get; set; }

    /// <summary>The package as a <c>.bizc</c> written by Patchbay.Core (the draft may be invalid: it is read back without refusing it).</summary>
    public required byte[] Package { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The API key name of the last save.</summary>
    public required string UpdatedBy { get; set; }

    /// <summary>
    /// Counts the saves. A save names the revision it started from and changes the draft only while that is still the
    /// stored one, so a second tab or person cannot silently overwrite work it has not seen.
    /// </summary>
    public long Revision { get; set; }
}
