using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Core.Model;

namespace Patchbay.Cli.Commands;

/// <summary>Turns <c>patchbay run</c>'s text arguments into values, with messages that say what to fix.</summary>
internal static class RunArguments
{
    public static (Dictionary<string, string> Connector, Dictionary<string, string> Authentication) SplitParameters(ConnectorDefinition definition, IEnumerable<string> pairs)
    {
        var connector = new Dictionary<string, string>(StringComparer.Ordinal);
        var authentication = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UserErrorException($"--param '{pair}' is not name=value.");
            }

            var (name, value) = (pair[..equals], pair[(equals + 1)..]);
            if (definition.Authentication.Parameters.Any(p => p.Name == name))
            {
                authentication[name] = value;
            }
            else if (definition.Parameters.Any(p => p.Name == name))
            {
                connector[name] = value;
            }
            else
            {
                var known = definition.Parameters.Concat(definition.Authentication.Parameters).Select(p => p.Name).ToList();
                throw new UserErrorException($"--param '{name}': the connector has no such parameter (known: {(known.Count == 0 ? "none" : string.Join(", ", known))}).");
            }
        }

        return (connector, authentication);
    }

    public static JsonNode? ReadInput(CliContext context, string? input)
    {
        if (input is null)
        {
            return null;
        }

        var text = input;
        if (input.StartsWith('@'))
        {
            var file = context.Resolve(input[1..]);
            text = File.Exists(file) ? File.ReadAllText(file) : throw new UserErrorException($"--input: '{input[1..]}' does not exist.");
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new UserErrorException($"--input is not valid JSON: {e.Message.Split(" Path:")[0]}");
        }
    }

    public static string ExistingFile(CliContext context, string path, string option)
    {
        var full = context.Resolve(path);
        return File.Exists(full) ? full : throw new UserErrorException($"{option}: '{path}' does not exist.");
    }

    /// <summary>"30s", "500ms", "2m", or a number of seconds.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? TimeSpan.FromSeconds(value * unit)
            : throw new UserErrorException($"--timeout '{text}' is not a duration such as 30s, 500ms or 2m.");
    }
}
