namespace Patchbay.Cli.Tests.Support;

/// <summary>The outcome of one in-process <c>patchbay</c> run.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
