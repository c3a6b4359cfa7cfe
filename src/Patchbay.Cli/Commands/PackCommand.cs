using System.CommandLine;
using Patchbay.Core.Packaging.Bizc;

namespace Patchbay.Cli.Commands;

/// <summary><c>patchbay pack [folder] [-o file.bizc]</c>: a source folder (or a .bizc) to a Bizagi-compatible .bizc.</summary>
internal static class PackCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("folder") { Description = "The connector source folder (or a .bizc to normalise).", DefaultValueFactory = _ => "." };
        var output = new Option<string?>("--output", "-o") { Description = "The .bizc to write; default <folderName>-<version>.bizc in the current folder." };
        var command = new Command("pack", "Validate a connector and write it as a .bizc package.") { path, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = await ConnectorInput.ReadAsync(context, parse.GetValue(path)!, cancellationToken);
            context.Diagnostics.Print(result.Diagnostics);
            var package = result.GetPackageOrThrow();
            var definition = package.Definition;
            var target = context.Resolve(parse.GetValue(output) ?? $"{definition.FolderName}-{definition.Version}.bizc");

            // Write beside the target, then move: a failure never leaves a half-written package.
            var temporary = target + ".partial";
            using (var stream = File.Create(temporary))
            {
                BizcWriter.Write(package, stream);
            }

            File.Move(temporary, target, overwrite: true);
            context.Output.WriteLine(target);
            return ExitCodes.Success;
        });
        return command;
    }
}
