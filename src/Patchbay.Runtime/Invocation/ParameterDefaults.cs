using Patchbay.Core.Model;

namespace Patchbay.Runtime.Invocation;

/// <summary>Fills in the definition's default for every parameter the request gives no value (or an empty one) for.</summary>
internal static class ParameterDefaults
{
    public static InvocationRequest Apply(InvocationRequest request)
    {
        var definition = request.Connector.Definition;
        if (!definition.Parameters.Concat(definition.Authentication.Parameters).Any(p => p.DefaultValue.Length > 0))
        {
            return request;
        }

        return request with
        {
            ConnectorParameters = WithDefaults(definition.Parameters, request.ConnectorParameters),
            AuthenticationParameters = WithDefaults(definition.Authentication.Parameters, request.AuthenticationParameters),
        };
    }

    private static Dictionary<string, string> WithDefaults(ValueList<ConnectorParameter> declared, IReadOnlyDictionary<string, string> given)
    {
        var values = new Dictionary<string, string>(given);
        foreach (var parameter in declared.Where(p => p.DefaultValue.Length > 0))
        {
            if (!values.TryGetValue(parameter.Name, out var value) || value.Length == 0)
            {
                values[parameter.Name] = parameter.DefaultValue;
            }
        }

        return values;
    }
}
