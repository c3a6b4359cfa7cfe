namespace Patchbay.Runtime.Libraries;

/// <summary>Runs npm as a child process; an interface so tests can replace it (Aspire's <c>INpmRunner</c>).</summary>
public interface INpmRunner
{
    /// <summary>Runs <c>npm &lt;arguments&gt;</c> in <paramref name="workingDirectory"/> and waits for it to exit.</summary>
    /// <param name="workingDirectory">The folder npm runs in.</param>
    /// <param name="arguments">The arguments, passed as they are (no shell).</param>
    /// <param name="output">Receives each line npm writes to stdout or stderr, as it comes.</param>
    /// <param name="cancellationToken">Kills npm and everything it started, then throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="NpmNotFoundException">npm is not on PATH.</exception>
    Task<NpmRunResult> RunAsync(
        string workingDirectory, IReadOnlyList<string> arguments, IProgress<string>? output, CancellationToken cancellationToken);
}
