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

    private static IEnumerable<string> Secrets(ValueList<ConnectorParameter> parameters, IReadOnlyDictionary<string, string> values) =>
        parameters.Where(p => p.PasswordMode && values.ContainsKey(p.Name)).Select(p => values[p.Name]);
}
