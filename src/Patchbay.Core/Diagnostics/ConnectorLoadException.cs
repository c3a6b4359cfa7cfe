namespace Patchbay.Core.Diagnostics;

/// <summary>Thrown when a caller asked for a loaded connector (or library) and there were errors.</summary>
public sealed class ConnectorLoadException : Exception
{
    public ConnectorLoadException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Describe(diagnostics)) => Diagnostics = diagnostics;

    public ConnectorLoadException()
        : this([])
    {
    }

    public ConnectorLoadException(string message)
        : base(message) => Diagnostics = [];

    public ConnectorLoadException(string message, Exception innerException)
        : base(message, innerException) => Diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        return errors.Count switch
        {
            0 => "The connector could not be loaded.",
            1 => errors[0].ToString(),
            _ => $"{errors.Count} errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}",
        };
    }
}
