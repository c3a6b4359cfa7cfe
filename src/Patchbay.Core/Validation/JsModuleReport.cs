namespace Patchbay.Core.Validation;

/// <summary>What static analysis tells about a CommonJS module without running it.</summary>
public sealed record JsModuleReport
{
    /// <summary>The first syntax error, or null when the module parses.</summary>
    public JsSyntaxError? SyntaxError { get; init; }

    /// <summary>Whether the module assigns <c>exports.invoke</c>, <c>module.exports.invoke</c> or an object with <c>invoke</c> to <c>module.exports</c>.</summary>
    public bool ExportsInvoke { get; init; }

    /// <summary>
    /// True when <c>module.exports</c> is replaced by something other than an object literal
    /// (a variable, a call): then nothing certain can be said about <c>invoke</c>.
    /// </summary>
    public bool ExportsAreOpaque { get; init; }
}

/// <summary>A syntax error at a 1-based line and column.</summary>
public sealed record JsSyntaxError(int Line, int Column, string Description)
{
    public string Position => $"{Line}:{Column}";
}
