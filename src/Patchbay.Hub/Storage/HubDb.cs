using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Patchbay.Hub.Storage;

/// <summary>
/// The hub's database. The model is shared; <see cref="SqliteHubDb"/> and <see cref="PostgresHubDb"/> carry
/// each engine's migrations, applied on start.
/// </summary>
public abstract class HubDb(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<ConnectorRecord> Connectors => Set<ConnectorRecord>();

    public DbSet<ConnectorVersionRecord> ConnectorVersions => Set<ConnectorVersionRecord>();

    public DbSet<EnvironmentRecord> Environments => Set<EnvironmentRecord>();

    public DbSet<ConnectorConfigRecord> ConnectorConfigs => Set<ConnectorConfigRecord>();

    public DbSet<ParameterValueRecord> ParameterValues => Set<ParameterValueRecord>();

    public DbSet<PlatformSettingsRecord> PlatformSettings => Set<PlatformSettingsRecord>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<UserRecord> Users => Set<UserRecord>();

    public DbSet<InvocationRecord> Invocations => Set<InvocationRecord>();

    public DbSet<JobRecord> Jobs => Set<JobRecord>();

    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    public DbSet<AuditRecord> Audit => Set<AuditRecord>();

    public DbSet<OAuthTokenRecord> OAuthTokens => Set<OAuthTokenRecord>();

    public DbSet<OAuthAuthorizationRecord> OAuthAuthorizations => Set<OAuthAuthorizationRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<DraftRecord> Drafts => Set<DraftRecord>();

    /// <summary>Set while a save that changes the catalog or configuration runs (see <see cref="CatalogChangeInterceptor"/>).</summary>
    internal bool SavesCatalogChange { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<ConnectorRecord>(e =>
        {
            e.ToTable("connectors");
            e.HasIndex(c => c.NameKey).IsUnique();
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.NameKey).HasMaxLength(200);
            e.HasMany(c => c.Versions).WithOne(v => v.Connector).HasForeignKey(v => v.ConnectorId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ConnectorVersionRecord>(e =>
        {
            e.ToTable("connector_versions");
            e.HasIndex(v => new { v.ConnectorId, v.Major, v.IsCurrent });
            e.Property(v => v.Version).HasMaxLength(100);
            e.Property(v => v.Sha256).HasMaxLength(64);
            e.Property(v => v.UploadedBy).HasMaxLength(200);
        });

        modelBuilder.Entity<EnvironmentRecord>(e =>
        {
            e.ToTable("environments");
            e.HasKey(v => v.NameKey);
            e.Property(v => v.Name).HasMaxLength(100);
            e.Property(v => v.NameKey).HasMaxLength(100);
        });

        modelBuilder.Entity<ConnectorConfigRecord>(e =>
        {
            e.ToTable("connector_configs");
            e.HasIndex(c => new { c.ConnectorId, c.Major, c.EnvironmentKey }).IsUnique();
            e.HasOne<ConnectorRecord>().WithMany().HasForeignKey(c => c.ConnectorId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<EnvironmentRecord>().WithMany().HasForeignKey(c => c.EnvironmentKey).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Values).WithOne().HasForeignKey(v => v.ConfigId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ParameterValueRecord>(e =>
        {
            e.ToTable("parameter_values");
            e.HasIndex(v => new { v.ConfigId, v.Kind, v.Name }).IsUnique();
        });

        modelBuilder.Entity<PlatformSettingsRecord>(e => e.ToTable("platform_settings"));

        modelBuilder.Entity<ApiKeyRecord>(e =>
        {
            e.ToTable("api_keys");
            e.HasIndex(k => k.Prefix).IsUnique();
            e.HasIndex(k => k.Name).IsUnique();
        });

        modelBuilder.Entity<UserRecord>(e =>
        {
            e.ToTable("users");
            e.HasIndex(u => u.NameKey).IsUnique();
            e.Property(u => u.Name).HasMaxLength(100);
            e.Property(u => u.NameKey).HasMaxLength(100);
            e.Property(u => u.Role).HasMaxLength(20);
            e.Property(u => u.CreatedBy).HasMaxLength(200);
            e.Property(u => u.RevokedBy).HasMaxLength(200);
        });

        modelBuilder.Entity<InvocationRecord>(e =>
        {
            e.ToTable("invocations");
            e.HasIndex(i => i.StartedAt);
            e.HasIndex(i => new { i.ConnectorName, i.StartedAt });
            e.HasIndex(i => i.JobId);
        });

        modelBuilder.Entity<JobRecord>(e =>
        {
            e.ToTable("jobs");
            e.HasIndex(j => j.CreatedAt);
        });

        modelBuilder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_keys");
            e.HasKey(k => k.Key);
            e.HasIndex(k => k.CreatedAt);
        });

        modelBuilder.Entity<AuditRecord>(e =>
        {
            e.ToTable("audit");
            e.HasIndex(a => a.At);
        });

        modelBuilder.Entity<OAuthTokenRecord>(e =>
        {
            e.ToTable("oauth_tokens");
            e.HasKey(t => t.Connection);
        });

        modelBuilder.Entity<OAuthAuthorizationRecord>(e =>
        {
            e.ToTable("oauth_authorizations");
            e.HasKey(a => a.StateHash);
            e.Property(a => a.StateHash).HasMaxLength(64);
            e.Property(a => a.StartedBy).HasMaxLength(200);
            e.Property(a => a.ConnectorName).HasMaxLength(200);
            e.Property(a => a.Environment).HasMaxLength(100);
            e.HasIndex(a => a.ExpiresAt);
        });

        modelBuilder.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));

        modelBuilder.Entity<DraftRecord>(e =>
        {
            e.ToTable("drafts");
            e.Property(d => d.Name).HasMaxLength(200);
            e.Property(d => d.Version).HasMaxLength(100);
            e.Property(d => d.UpdatedBy).HasMaxLength(200);
            e.HasIndex(d => d.UpdatedAt);
        });
    }
}

/// <summary>The hub's database on SQLite (the default, a file in the data folder).</summary>
public sealed class SqliteHubDb(DbContextOptions<SqliteHubDb> options) : HubDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no date type EF Core can order or compare; store instants as UTC ticks.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>The hub's database on PostgreSQL (production and scale-out).</summary>
public sealed class PostgresHubDb(DbContextOptions<PostgresHubDb> options) : HubDb(options);
