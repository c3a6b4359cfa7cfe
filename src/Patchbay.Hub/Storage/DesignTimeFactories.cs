using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Patchbay.Hub.Storage;

// Used by 'dotnet ef migrations add' only; the hub configures its contexts in HubStorage.

internal sealed class SqliteHubDbFactory : IDesignTimeDbContextFactory<SqliteHubDb>
{
    public SqliteHubDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHubDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresHubDbFactory : IDesignTimeDbContextFactory<PostgresHubDb>
{
    public PostgresHubDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHubDb>().UseNpgsql("Host=localhost;Database=patchbay_design").Options);
}
