using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Patchbay.Hub.Operations;

namespace Patchbay.Hub.Tests.Operations;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // fake node executables are shell scripts
public sealed class NodeHealthCheckTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("patchbay-node-");

    [Fact]
    public async Task A_missing_node_is_unhealthy_and_says_what_to_do()
    {
        using var check = new NodeHealthCheck(new HubOptions { NodePath = Path.Combine(_folder.FullName, "no-node") }, TimeProvider.System);

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        result.Status.ShouldBe(HealthStatus.Unhealthy);
        result.Description.ShouldBe("Node.js 20 or newer is not available; the hub's log says why.");
        result.Exception.ShouldNotBeNull().Message.ShouldContain("not found");
    }

    [Fact]
    public async Task A_node_older_than_20_is_unhealthy_and_the_probe_is_cached()
    {
        var node = FakeNode("v18.19.0");
        var time = new FakeTimeProvider();
        using var check = new NodeHealthCheck(new HubOptions { NodePath = node }, time);

        (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status.ShouldBe(HealthStatus.Unhealthy);
        File.WriteAllText(node, "#!/bin/sh\necho v22.1.0\n");
        (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status.ShouldBe(HealthStatus.Unhealthy);
        time.Advance(NodeHealthCheck.CacheFor + TimeSpan.FromSeconds(1));

        (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status.ShouldBe(HealthStatus.Healthy);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string FakeNode(string version)
    {
        var path = Path.Combine(_folder.FullName, "node");
        File.WriteAllText(path, $"#!/bin/sh\necho {version}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
