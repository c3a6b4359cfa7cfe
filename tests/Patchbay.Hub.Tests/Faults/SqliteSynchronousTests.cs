using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Tests.Faults;

/// <summary>
/// <c>synchronous</c> is a setting of each SQLite connection, not of the file: read back from the connections a
/// running hub uses, for its own database and for the job queue's (jobs.db), it is what the hub was started with,
/// FULL unless told otherwise.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SqliteSynchronousTests : IDisposable
{
    private const long Normal = 1;
    private const long Full = 2;
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("patchbay-sync-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, Full)]
    [InlineData(SqliteSynchronous.Full, Full)]
    [InlineData(SqliteSynchronous.Normal, Normal)]
    public async Task The_setting_reaches_the_hub_database_and_the_job_queue(SqliteSynchronous? setting, long expected)
    {
        var options = new HubOptions { Urls = "http://127.0.0.1:0", DataFolder = _dataFolder, AdminKey = ApiKeys.Generate().Key };
        await using var hub = await HubApp.StartAsync(setting is { } s ? options with { SqliteSynchronous = s } : options, null, Cancel);

        await using (var scope = hub.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDb>();
            await db.Database.OpenConnectionAsync(Cancel);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            (await command.ExecuteScalarAsync(Cancel)).ShouldBe(expected, "patchbay.db");
        }

        var jobs = hub.Services.GetRequiredService<JobStorage>().ShouldBeOfType<SQLiteStorage>();
        using var queue = jobs.CreateAndOpenConnection();
        queue.Database.ExecuteScalar<long>("PRAGMA synchronous").ShouldBe(expected, "jobs.db");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A worker that is still exiting may hold a file; the temporary folder is cleaned by the OS.
        }
    }
}
