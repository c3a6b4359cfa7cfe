using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Patchbay.Hub.Storage;

/// <summary>Registers the database of the configured engine and the Data Protection key ring beside it.</summary>
public static class HubStorage
{
    public static IServiceCollection AddHubStorage(this IServiceCollection services, HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<CatalogReadCache>();
        services.AddSingleton<CatalogChangeInterceptor>();
        if (options.UsesPostgres)
        {
            services.AddDbContextPool<PostgresHubDb>((sp, o) => o.UseNpgsql(options.PostgresConnectionString)
                .AddInterceptors(sp.GetRequiredService<CatalogChangeInterceptor>()));
            services.AddScoped<HubDb>(sp => sp.GetRequiredService<PostgresHubDb>());
        }
        else
        {
            services.AddDbContextPool<SqliteHubDb>((sp, o) => o.UseSqlite(SqliteConnectionString(options))
                .AddInterceptors(sp.GetRequiredService<CatalogChangeInterceptor>(), new SqliteConnectionSettings(options.SqliteSynchronous)));
            services.AddScoped<HubDb>(sp => sp.GetRequiredService<SqliteHubDb>());
        }

        // Every hub of a scale-out must read what another encrypted: on PostgreSQL the key ring is in the
        // database; with SQLite it is a folder beside the database file.
        var protection = services.AddDataProtection().SetApplicationName("Patchbay");
        if (options.UsesPostgres)
        {
            protection.PersistKeysToDbContext<PostgresHubDb>();
        }
        else
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataFolder, DataFolderLayout.KeyRing)));
        }

        if (options.KeyRingCertificate is { } certificate)
        {
            protection.ProtectKeysWithCertificate(certificate);
        }

        return services;
    }

    public static string SqliteConnectionString(HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"Data Source={Path.Combine(options.DataFolder, DataFolderLayout.Database)};Pooling=True;Default Timeout=30";
    }
}
