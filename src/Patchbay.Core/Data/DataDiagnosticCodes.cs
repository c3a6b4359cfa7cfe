namespace Patchbay.Core.Data;

/// <summary>The stable diagnostic codes of input coercion and output shaping (<c>docs/inputs.md</c>).</summary>
public static class DataDiagnosticCodes
{
    /// <summary>Error: the action's inputs are not a JSON object.</summary>
    public const string InputNotObject = "input-not-object";

    /// <summary>Error: an input field that the action's input tree does not have.</summary>
    public const string UnknownInput = "unknown-input";

    /// <summary>Error: a required input field is absent or null.</summary>
    public const string MissingRequiredInput = "missing-required-input";

    /// <summary>Error: an input value that cannot be read as its field's type.</summary>
    public const string WrongType = "wrong-type";

    /// <summary>Warning: an output value that cannot be converted to its field's type; it is passed on as it is.</summary>
    public const string OutputTypeMismatch = "output-type-mismatch";
}
