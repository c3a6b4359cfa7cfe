using System.CommandLine;
using Patchbay.Core.Authoring;
using Patchbay.Core.Packaging.Source;

namespace Patchbay.Cli.Commands;

/// <summary><c>patchbay new &lt;name&gt; [--rest]</c>: a new connector source folder that validates as created.</summary>
internal static class NewCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The connector's name, e.g. \"GitHub Issues\"." };
        var rest = new Option<bool>("--rest") { Description = "Create an Easy REST (no-code) connector instead of a custom one." };
        var output = new Option<string?>("--output", "-o") { Description = "The folder to create; default the kebab-case name." };
        var command = new Command("new", "Create a connector source folder.") { name, rest, output };
        command.SetAction(parse =>
        {
            var connectorName = parse.GetValue(name)!;
            if (Naming.ToKebabCase(connectorName).Length == 0)
            {
                throw new UserErrorException($"'{connectorName}' has no letters or digits to name the connector with.");
            }

            var package = parse.GetValue(rest)
                ? ConnectorTemplates.EasyRest(connectorName, Guid.NewGuid(), Guid.NewGuid())
                : ConnectorTemplates.Custom(connectorName, Guid.NewGuid(), Guid.NewGuid());
            var folder = context.Resolve(parse.GetValue(output) ?? package.Definition.FolderName);
            SourceFolder.Write(package, folder, overwrite: false);
            context.Output.WriteLine(folder);
            context.Error.WriteLine($"Created {(parse.GetValue(rest) ? "Easy REST" : "custom")} connector '{connectorName}'. Next: edit connector.json, then 'patchbay validate' and 'patchbay pack'.");
            return ExitCodes.Success;
        });
        return command;
    }
}
