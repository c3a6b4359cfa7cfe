using Patchbay.Runtime;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Compat.Tests.Support;

/// <summary>
/// One real runtime (real Node workers) for a test class, in its own work folder so that the platform files
/// bz-util reads (<c>platform/config.properties</c>, <c>platform/autotesting/*.json</c>) belong to it alone.
/// </summary>
public class CompatRuntime : IAsyncLifetime
{
    public string WorkFolder { get; } = Path.Combine(Path.GetTempPath(), "patchbay-compat-" + Guid.NewGuid().ToString("N")[..8]);

    public string PlatformFolder => Path.Combine(WorkFolder, "platform");

    public ConnectorRuntime Runtime { get; private set; } = null!; // set in InitializeAsync, before any test

    /// <summary>Files written under the platform folder before the runtime starts (path → text).</summary>
    protected virtual IReadOnlyDictionary<string, string> PlatformFiles => new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        foreach (var (path, text) in PlatformFiles)
        {
            WritePlatformFile(path, text);
        }

        Runtime = await ConnectorRuntime.CreateAsync(
            new RuntimeOptions { WorkFolder = WorkFolder, HangGrace = TimeSpan.FromMilliseconds(500) },
            CancellationToken.None);
    }

    public void WritePlatformFile(string path, string text)
    {
        var file = Path.Combine(PlatformFolder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        GC.SuppressFinalize(this);
        if (Directory.Exists(WorkFolder))
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
    }
}

/// <summary>A runtime whose platform folder holds a <c>config.properties</c> with overrides (bizagi-compat §6.8) and <c>forceEnableLogger=true</c> (§6.6).</summary>
public sealed class ConfiguredRuntime : CompatRuntime
{
    public const string LogsDirectory = "/srv/bizagi/logs/";

    protected override IReadOnlyDictionary<string, string> PlatformFiles => new Dictionary<string, string>
    {
        ["config.properties"] = $"# Bizagi's config.properties\nport=16542\nserver=bizagi.local\nforceEnableLogger=true\nlogsDirectoryPath={LogsDirectory}\n",
    };
}

/// <summary>A runtime in Bizagi's autotesting mode: the three data files exist (bizagi-compat §6.7).</summary>
public sealed class AutotestingRuntime : CompatRuntime
{
    protected override IReadOnlyDictionary<string, string> PlatformFiles => new Dictionary<string, string>
    {
        ["autotesting/inputData.json"] = """{"in":1}""",
        ["autotesting/outputData.json"] = """{"out":2}""",
        ["autotesting/errorData.json"] = """{"err":3}""",
    };
}
