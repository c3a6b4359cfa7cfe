using Spectre.Console;

namespace Patchbay.Cli.Output;

/// <summary>
/// Shows what npm is doing while it works: a spinner with npm's latest line on a terminal, plain
/// lines otherwise (CI logs, pipes), always on stderr.
/// </summary>
internal static class NpmProgress
{
    public static async Task<T> RunAsync<T>(TextWriter error, Func<IProgress<string>, Task<T>> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        var interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && console.Profile.Capabilities.Interactive;
        if (!interactive)
        {
            return await work(new LineProgress(line => error.WriteLine($"  {line}")));
        }

        return await console.Status().Spinner(Spinner.Known.Dots).StartAsync("npm install", async status =>
            await work(new LineProgress(line => status.Status(Markup.Escape(Shorten(line))))));
    }

    /// <summary>Reports on the caller's thread, in order; <see cref="Progress{T}"/> would post to the thread pool.</summary>
    private sealed class LineProgress(Action<string> report) : IProgress<string>
    {
        private readonly Lock _gate = new();

        public void Report(string value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }

    private static string Shorten(string line) => line.Length <= 100 ? line : line[..97] + "...";
}
