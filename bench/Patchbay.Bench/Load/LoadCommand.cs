using System.Globalization;

namespace Patchbay.Bench.Load;

/// <summary>
/// <c>soak [minutes]</c> and <c>step [seconds per step] [--no-admission]</c>: the hub under load, plots written
/// to <c>docs/perf</c> of the repository the bench runs from.
/// </summary>
internal static class LoadCommand
{
    public static async Task RunAsync(string[] args)
    {
        var work = Directory.CreateTempSubdirectory("patchbay-load-").FullName;
        var plots = Path.Combine(RepositoryRoot(), "docs", "perf");
        var number = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : (double?)null;
        try
        {
            if (args[0] == "soak")
            {
                await Soak.RunAsync(number ?? 10, work, plots);
            }
            else
            {
                await StepLoad.RunAsync(TimeSpan.FromSeconds(number ?? 15), !args.Contains("--no-admission"), work, plots);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Patchbay.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? Directory.GetCurrentDirectory();
    }
}
