using System.CommandLine;
using Microsoft.Data.Sqlite;
using Patchbay.Hub;
using Patchbay.Hub.Storage;

namespace Patchbay.Cli.Commands;

/// <summary><c>patchbay backup -o folder [--data folder]</c>: a consistent copy of a SQLite hub's state, safe while it runs.</summary>
internal static class BackupCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "The hub's data folder.", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PATCHBAY_DATA") is { Length: > 0 } folder ? folder : HubOptions.DefaultDataFolder() };
        var output = new Option<string>("--output", "-o") { Description = "A new (or empty) folder for the backup.", Required = true };
        var command = new Command("backup", "Copy a SQLite hub's database, key ring and platform folder, consistently, while it runs.") { data, output };
        command.SetAction((parse, _) =>
        {
            var target = context.Resolve(parse.GetValue(output)!);
            BackupSummary summary;
            try
            {
                summary = SqliteBackup.Write(context.Resolve(parse.GetValue(data)!), target);
            }
            catch (Exception e) when (e is BackupException or SqliteException or IOException or UnauthorizedAccessException)
            {
                throw new UserErrorException("Backup failed: " + e.Message);
            }

            context.Error.WriteLine($"Backed up the databases ({summary.DatabaseBytes:N0} bytes, integrity checked), {summary.KeyFiles} key(s) and {summary.PlatformFiles} platform file(s).");
            context.Error.WriteLine("Keep the key ring with the database: without it, stored secrets cannot be read. To restore, start the hub with --data on this folder.");
            context.Output.WriteLine(target);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
