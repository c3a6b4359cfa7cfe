using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patchbay.Cli.Commands;

/// <summary><c>patchbay validate [path]</c>: every problem of a source folder or a <c>.bizc</c>, each with its place.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("path") { Description = "A connector source folder or a .bizc file.", DefaultValueFactory = _ => "." };
        var json = new Option<bool>("--json") { Description = "Write the diagnostics to stdout as JSON." };
        var command = new Command("validate", "Check a connector and report every problem at once.") { path, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = await ConnectorInput.ReadAsync(context, parse.GetValue(path)!, cancellationToken);
            if (parse.GetValue(json))
            {
                var array = new JsonArray(result.Diagnostics.Select(d => (JsonNode)new JsonObject
                {
                    ["severity"] = d.Severity.ToString().ToLowerInvariant(),
                    ["code"] = d.Code,
                    ["file"] = d.Location.File,
                    ["path"] = d.Location.Path,
                    ["message"] = d.Message,
                }).ToArray());
                context.Output.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                context.Diagnostics.Print(result.Diagnostics);
            }

            if (!result.Succeeded)
            {
                return ExitCodes.UserError;
            }

            context.Error.WriteLine($"{result.Package.Definition.Name} {result.Package.Definition.Version} is valid.");
            return ExitCodes.Success;
        });
        return command;
    }
}
