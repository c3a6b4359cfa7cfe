using System.CommandLine;
using System.CommandLine.Help;
using Patchbay.Cli.Commands;
using Patchbay.Core.Diagnostics;

namespace Patchbay.Cli;

/// <summary>The <c>patchbay</c> command tree; also the entry point tests call in-process.</summary>
internal static class PatchbayCli
{
    public static Command Build(CliContext context)
    {
        // A plain command named "patchbay" (not RootCommand, which takes the host executable's name) so that
        // help reads the same from the tool, from 'dotnet patchbay.dll' and from tests.
        var root = new Command("patchbay", "patchbay: build, package, test and run Bizagi-compatible connectors.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(NewCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(PackCommand.Create(context));
        root.Subcommands.Add(UnpackCommand.Create(context));
        root.Subcommands.Add(SchemaCommand.Create(context));
        root.Subcommands.Add(LibCommand.Create(context));
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(InstallCommand.Create(context));
        root.Subcommands.Add(ConfigCommand.Create(context));
        root.Subcommands.Add(InvokeCommand.Create(context));
        root.Subcommands.Add(HistoryCommand.Create(context));
        root.Subcommands.Add(BackupCommand.Create(context));
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string workingDirectory, CancellationToken cancellationToken) =>
        RunAsync(new CliContext(output, error, workingDirectory), args, cancellationToken);

    /// <summary>Runs with a given context (tests give their own standard input and environment variables).</summary>
    public static async Task<int> RunAsync(CliContext context, string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (output, error) = (context.Output, context.Error);
        // '@file' is ours (run --input @file.json), not System.CommandLine's response-file syntax.
        var parseResult = Build(context).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            await error.WriteLineAsync("Run 'patchbay --help' (or '<command> --help') for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (UserErrorException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.UserError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.UserError;
        }
        catch (ConnectorLoadException e)
        {
            context.Diagnostics.Print(e.Diagnostics);
            return ExitCodes.UserError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.");
            return ExitCodes.UserError;
        }
    }
}
