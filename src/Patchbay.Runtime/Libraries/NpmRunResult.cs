namespace Patchbay.Runtime.Libraries;

/// <summary>How an npm run ended.</summary>
/// <param name="ExitCode">npm's exit code; 0 is success.</param>
/// <param name="StandardErrorTail">The last lines npm wrote to stderr (at most <see cref="NpmRunner.StandardErrorTailLines"/>).</param>
public sealed record NpmRunResult(int ExitCode, IReadOnlyList<string> StandardErrorTail)
{
    public bool Succeeded => ExitCode == 0;
}
