namespace Patchbay.Cli.Tests.Support;

/// <summary>Paths inside this repository, found from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Patchbay.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Patchbay.slnx not found above " + AppContext.BaseDirectory);
    }
}
