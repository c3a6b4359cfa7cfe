using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Core.Model;

namespace Patchbay.Runtime.Invocation;

/// <summary>Replaces the values of password-mode parameters wherever they appear in text meant for people.</summary>
internal sealed class SecretRedactor
{
    public const string Mask = "********";
    private readonly string[] _secrets;

    /// <param name="request">Its password-mode parameter values are masked.</param>
    /// <param name="more">Other values to mask: tokens a built-in authenticator obtained.</param>
    public SecretRedactor(InvocationRequest request, IEnumerable<string> more)
    {
        var definition = request.Connector.Definition;
        _secrets = Secrets(definition.Parameters, request.ConnectorParameters)
            .Concat(Secrets(definition.Authentication.Parameters, request.AuthenticationParameters))
            .Concat(more)
            .Where(s => s.Length > 0)
            .OrderByDescending(s => s.Length) // a secret that contains another is masked whole
            .ToArray();
    }

    /// <summary>The values masked, longest first.</summary>
    public IReadOnlyList<string> Values => _secrets;

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>
    /// A copy of a JSON tree with the secrets masked in its strings and property names. The tree is walked, not its
    /// text: serialized JSON escapes characters ('+' becomes \u002B), and a secret so escaped would not be found.
    /// </summary>
    public JsonNode? Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    copy[Redact(name)] = Redact(value); // the indexer, not Add: two names masked alike must not throw
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(Redact)]);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(Redact(value.GetValue<string>()));
            default:
                return node?.DeepClone();
        }
    }

    private static IEnumerable<string> Secrets(ValueList<ConnectorParameter> parameters, IReadOnlyDictionary<string, string> values) =>
        parameters.Where(p => p.PasswordMode && values.ContainsKey(p.Name)).Select(p => values[p.Name]);
}
