using System.Text.Json;
using System.Text.Json.Serialization;

namespace Patchbay.Hub.Api;

/// <summary>The JSON shape of the API: camelCase, enums as strings, nulls left out.</summary>
public static class HubJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the API's settings to a serializer's options (also the minimal-API ones).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
