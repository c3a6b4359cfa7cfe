using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging.Source;
using Patchbay.Core.Schema;

namespace Patchbay.Cli.Commands;

/// <summary><c>patchbay schema infer sample.json</c>: a data tree from a sample document, printed or written into an action.</summary>
internal static class SchemaCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2 };

    public static Command Create(CliContext context)
    {
        var sample = new Argument<string>("sample") { Description = "A JSON document (object or array), e.g. a saved API response." };
        var action = new Option<string?>("--action") { Description = "Write the tree into this action of the connector instead of printing it." };
        var tree = new Option<string>("--tree") { Description = "Which tree of the action to replace.", DefaultValueFactory = _ => "output" };
        tree.AcceptOnlyFromAmong("input", "output", "error");
        var connector = new Option<string>("--connector") { Description = "The connector source folder.", DefaultValueFactory = _ => "." };
        var infer = new Command("infer", "Infer an input or output tree from a sample JSON document.") { sample, action, tree, connector };
        infer.SetAction(parse =>
        {
            var inferred = Infer(context, parse.GetValue(sample)!);
            if (parse.GetValue(action) is { } actionName)
            {
                WriteIntoAction(context, parse.GetValue(connector)!, actionName, parse.GetValue(tree)!, inferred);
            }
            else
            {
                context.Output.WriteLine(DataTreeJson.Write(inferred).ToJsonString(Indented));
            }

            return ExitCodes.Success;
        });

        return new Command("schema", "Work with input and output trees.") { infer };
    }

    private static ValueList<DataNode> Infer(CliContext context, string samplePath)
    {
        var path = context.Resolve(samplePath);
        if (!File.Exists(path))
        {
            throw new UserErrorException($"'{samplePath}' does not exist.");
        }

        var result = SchemaInference.Infer(File.ReadAllText(path), samplePath);
        context.Diagnostics.Print(result.Diagnostics);
        if (result.HasErrors)
        {
            throw new UserErrorException($"{samplePath}: no tree could be inferred.");
        }

        return result.Tree;
    }

    /// <summary>Replaces one tree of one action in connector.json, leaving the rest of the file as the author wrote it.</summary>
    private static void WriteIntoAction(CliContext context, string folder, string actionName, string tree, ValueList<DataNode> inferred)
    {
        var file = Path.Combine(context.Resolve(folder), SourceFolderLayout.Definition);
        if (!File.Exists(file))
        {
            throw new UserErrorException($"'{folder}' has no {SourceFolderLayout.Definition}.");
        }

        var root = JsonNode.Parse(File.ReadAllText(file)) as JsonObject
            ?? throw new UserErrorException($"{file}: not a JSON object.");
        var actionNode = (root["actions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(a => a["name"]?.GetValueKind() == JsonValueKind.String && a["name"]!.GetValue<string>() == actionName)
            ?? throw new UserErrorException($"{file}: no action named '{actionName}'.");
        actionNode[tree] = DataTreeJson.Write(inferred);
        File.WriteAllText(file, root.ToJsonString(Indented) + "\n");
        context.Error.WriteLine($"Wrote the {tree} tree of '{actionName}' ({inferred.Count} top-level fields).");
    }
}
