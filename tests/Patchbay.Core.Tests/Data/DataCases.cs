using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Core.Data;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Tests.Data;

/// <summary>Runs the coercer on one field called <c>v</c>, so type tests state only the type and the value.</summary>
internal static class DataCases
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static InputCoercionResult CoerceOne(DataType type, string valueJson, bool isList = false) =>
        InputCoercer.Coerce(JsonNode.Parse($$"""{"v":{{valueJson}}}"""), [DataNode.Leaf("v", type, isList)]);

    /// <summary>The coerced value's JSON, after checking there were no problems.</summary>
    public static string Accepted(DataType type, string valueJson, bool isList = false)
    {
        var result = CoerceOne(type, valueJson, isList);
        result.Diagnostics.ShouldBeEmpty();
        return result.Input["v"].Json();
    }

    /// <summary>The message of the single <c>wrong-type</c> error at <c>$.v</c>.</summary>
    public static string Rejected(DataType type, string valueJson, bool isList = false)
    {
        var diagnostic = CoerceOne(type, valueJson, isList).Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(DataDiagnosticCodes.WrongType);
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.Location.ShouldBe(new Location("input", "$.v"));
        return diagnostic.Message;
    }

    /// <summary>Compact JSON without escaping <c>+</c> and the like, so expectations read as written.</summary>
    public static string Json(this JsonNode? node) => node?.ToJsonString(Readable) ?? "null";
}
