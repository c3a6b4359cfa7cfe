using Patchbay.Core.Model;

namespace Patchbay.Runtime.Authentication;

/// <summary>
/// The Authentication parameter values of one invocation with the connector's defaults applied
/// (<see cref="ConnectorParameter.DefaultValue"/>): an empty value counts as missing, as in Bizagi's validator.
/// </summary>
internal sealed class AuthParameters
{
    /// <summary>Parameters of the built-in methods that hold secrets, masked even when a connector forgot password mode.</summary>
    private static readonly string[] SecretNames =
        ["password", "client_secret", "access_token", "refresh_token", "token", "token_secret", "consumer_secret", "api_key"];

    private readonly Dictionary<string, string> _values;

    public AuthParameters(AuthenticationSettings settings, IReadOnlyDictionary<string, string> given)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(given);
        _values = new Dictionary<string, string>(given, StringComparer.Ordinal);
        Defaulted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in settings.Parameters)
        {
            if (parameter.DefaultValue.Length > 0 && Get(parameter.Name) is null)
            {
                _values[parameter.Name] = parameter.DefaultValue;
                Defaulted[parameter.Name] = parameter.DefaultValue;
            }
        }

        Secrets = settings.Parameters.Where(p => p.PasswordMode).Select(p => p.Name).Concat(SecretNames)
            .Select(Get).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>All values, defaults included.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>The values that came from defaults; they are added to <c>globals.authdata</c> so connector code sees them too.</summary>
    public Dictionary<string, string> Defaulted { get; }

    /// <summary>Values of password-mode parameters.</summary>
    public IReadOnlyList<string> Secrets { get; }

    /// <summary>A new output dictionary for <c>globals.authdata</c>, starting with the defaulted values.</summary>
    public Dictionary<string, string> Output() => new(Defaulted, StringComparer.Ordinal);

    /// <summary>The value, or null when absent or empty.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>The first of <paramref name="names"/> that has no value, or null when all have one.</summary>
    public AuthenticationFailure? Missing(params string[] names) =>
        names.FirstOrDefault(n => Get(n) is null) is { } missing ? AuthenticationFailure.Required(missing) : null;
}
