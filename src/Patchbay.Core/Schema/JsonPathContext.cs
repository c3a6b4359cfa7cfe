using System.Text.Json.Serialization;

namespace Patchbay.Core.Schema;

/// <summary>Source-generated JSON metadata for quoting names in JSON paths.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class JsonPathContext : JsonSerializerContext;
