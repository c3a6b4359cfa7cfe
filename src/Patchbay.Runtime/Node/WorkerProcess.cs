using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Patchbay.Runtime.Node;

/// <summary>
/// The command line and environment of a worker: Node's permission model confines file reads to the
/// connector and the host, writes to the worker's temporary folder, and forbids child processes unless
/// allowed; the environment is scrubbed so that no host secret reaches connector code.
/// </summary>
internal static class WorkerProcess
{
    public static ProcessStartInfo StartInfo(WorkerStart start, string socketPath)
    {
        var info = new ProcessStartInfo(start.NodeExecutable)
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = start.ConnectorRoot,
        };

        string[] arguments =
        [
            $"--max-old-space-size={start.MemoryLimitMegabytes}",
            "--experimental-permission",
            $"--allow-fs-read={start.ConnectorRoot}",
            $"--allow-fs-read={start.HostFolder}",
            $"--allow-fs-read={start.TempFolder}",
            $"--allow-fs-read={start.PlatformFolder}",
            $"--allow-fs-write={start.TempFolder}",
            "--disable-warning=ExperimentalWarning",
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (start.AllowChildProcesses)
        {
            info.ArgumentList.Add("--allow-child-process");
        }

        if (start.ExtraCaCertificatesFile is not null)
        {
            info.ArgumentList.Add($"--allow-fs-read={start.ExtraCaCertificatesFile}");
        }

        info.ArgumentList.Add(Path.Combine(start.HostFolder, "host.js"));
        info.ArgumentList.Add(socketPath);
        info.ArgumentList.Add(start.ConnectorRoot);
        info.ArgumentList.Add(new JsonObject
        {
            ["proxy"] = start.Proxy?.ToString(),
            ["autotestingRoot"] = Path.Combine(start.PlatformFolder, "autotesting"),
            ["configPropertiesPath"] = Path.Combine(start.PlatformFolder, "config.properties"),
            ["noProxy"] = new JsonArray([.. start.NoProxy.Select(h => (JsonNode)JsonValue.Create(h))]),
        }.ToJsonString());

        // Nothing of the host's environment (credentials, tokens, connection strings) is inherited.
        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        info.Environment["HOME"] = start.TempFolder;
        info.Environment["TMPDIR"] = start.TempFolder;
        info.Environment["LANG"] = "C.UTF-8";
        info.Environment["NODE_ENV"] = "production";
        if (start.ExtraCaCertificatesFile is not null)
        {
            info.Environment["NODE_EXTRA_CA_CERTS"] = start.ExtraCaCertificatesFile;
        }
        return info;
    }
}
