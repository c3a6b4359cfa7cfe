using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Patchbay.Hub.Tests.Faults;

/// <summary>
/// A PostgreSQL server of the test's own, so it can be killed and started again: a cluster made with
/// <c>initdb</c> in a temporary folder, run by <c>pg_ctl</c> as the <c>postgres</c> OS user (the server refuses to
/// run as root) on a free loopback port, with trust authentication. The binaries are those of the newest
/// installed major (<c>/usr/lib/postgresql/&lt;major&gt;/bin</c>, Debian's layout).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string OsUser = "postgres";

    private PrivatePostgres(string bin, string folder, int port)
    {
        Bin = bin;
        Folder = folder;
        Port = port;
    }

    public string Bin { get; }

    public string Folder { get; }

    public int Port { get; }

    private string DataDirectory => Path.Combine(Folder, "data");

    /// <summary>A connection string to a database of this server.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = OsUser, Database = database, Timeout = 5, CommandTimeout = 15 }.ConnectionString;

    /// <summary>Makes the cluster and starts it, with a database "patchbay" for the hub.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        Root.Require("run a private PostgreSQL server as the postgres user");
        var bin = FindBin();
        var folder = Directory.CreateTempSubdirectory("patchbay-pg-").FullName;
        await Root.RunCheckedAsync("chown", OsUser, folder);
        var server = new PrivatePostgres(bin, folder, FreePort());
        await server.AsPostgresAsync("initdb", "-D", server.DataDirectory, "-A", "trust", "-U", OsUser, "--no-sync");
        await server.StartAgainAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var create = new NpgsqlCommand("CREATE DATABASE patchbay", connection);
        await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return server;
    }

    /// <summary>Kills the server as a crash would: immediate shutdown, no checkpoint; it recovers from its WAL on the next start.</summary>
    public Task KillAsync() => AsPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");

    public Task StartAgainAsync() => AsPostgresAsync(
        "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(Folder, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {Folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    public async ValueTask DisposeAsync()
    {
        await Root.RunAsync("runuser", "-u", OsUser, "--", Path.Combine(Bin, "pg_ctl"), "-D", DataDirectory, "-m", "immediate", "stop");
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private static string FindBin()
    {
        var majors = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var bin = majors.Select(m => Path.Combine(m, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var major) ? major : 0).FirstOrDefault();
        return bin.ShouldNotBeNull("No PostgreSQL server binaries in /usr/lib/postgresql/<major>/bin (apt install postgresql; .ci/run does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task AsPostgresAsync(string tool, params string[] arguments) =>
        Root.RunCheckedAsync("runuser", ["-u", OsUser, "--", Path.Combine(Bin, tool), .. arguments]);
}
