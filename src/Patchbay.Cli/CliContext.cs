using Patchbay.Cli.Output;
using Patchbay.Core.Packaging;

namespace Patchbay.Cli;

/// <summary>What every command needs: where to write, and the limits for what it reads.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, string workingDirectory)
{
    /// <summary>Results (a packed file's name, an inferred tree, JSON): what a script reads.</summary>
    public TextWriter Output { get; } = output;

    /// <summary>Diagnostics, progress and messages for people.</summary>
    public TextWriter Error { get; } = error;

    public string WorkingDirectory { get; } = workingDirectory;

    /// <summary>Standard input: secret values given as <c>@-</c> are read from it.</summary>
    public TextReader Input { get; init; } = Console.In;

    /// <summary>Reads an environment variable (PATCHBAY_API_KEY, ...); tests give their own instead of changing the process's.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public PackageLimits Limits { get; } = PackageLimits.Default;

    public DiagnosticPrinter Diagnostics => new(Error);

    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);
}
