using Patchbay.Runtime.Libraries;

namespace Patchbay.Cli.Tests.Libraries;

/// <summary>Stands in for npm: runs a callback on the working folder (to lay out node_modules) and returns a fixed result.</summary>
internal sealed class FakeNpmRunner(Func<string, NpmRunResult> run) : INpmRunner
{
    public List<IReadOnlyList<string>> Calls { get; } = [];

    public Task<NpmRunResult> RunAsync(
        string workingDirectory, IReadOnlyList<string> arguments, IProgress<string>? output, CancellationToken cancellationToken)
    {
        Calls.Add(arguments);
        return Task.FromResult(run(workingDirectory));
    }
}
