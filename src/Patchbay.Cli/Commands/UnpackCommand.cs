using System.CommandLine;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Core.Packaging.Source;

namespace Patchbay.Cli.Commands;

/// <summary><c>patchbay unpack file.bizc [-o folder]</c>: a .bizc to an editable source folder.</summary>
internal static class UnpackCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The .bizc package to unpack." };
        var output = new Option<string?>("--output", "-o") { Description = "The folder to create; default the connector's folder name." };
        var force = new Option<bool>("--force") { Description = "Replace the folder if it is not empty." };
        var command = new Command("unpack", "Turn a .bizc package into a source folder (readable connector.json, code, libraries/).") { file, output, force };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var bizc = context.Resolve(parse.GetValue(file)!);
            if (!File.Exists(bizc))
            {
                throw new UserErrorException($"'{parse.GetValue(file)}' does not exist.");
            }

            var result = await BizcReader.ReadAsync(bizc, context.Limits, cancellationToken);
            context.Diagnostics.Print(result.Diagnostics);
            if (result.Package is null)
            {
                return ExitCodes.UserError;
            }

            // A package with validation errors is still unpacked: the source folder is where they get fixed.
            var folder = context.Resolve(parse.GetValue(output) ?? result.Package.Definition.FolderName);
            SourceFolder.Write(result.Package, folder, parse.GetValue(force));
            context.Output.WriteLine(folder);
            return ExitCodes.Success;
        });
        return command;
    }
}
