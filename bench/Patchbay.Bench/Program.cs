using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Patchbay.Bench;
using Patchbay.Bench.Load;
using Patchbay.Core.Model;
using Patchbay.Runtime;
using Patchbay.Runtime.Invocation;

// Patchbay runtime benchmark: every scenario beside its floor, in one run on one machine (report ratios).
if (args.Length > 0 && args[0] is "soak" or "step")
{
    // the hub under load: `-- soak [minutes]` (default 10) or `-- step [seconds per step] [--no-admission]` (default 15)
    await LoadCommand.RunAsync(args);
    return;
}

var calls = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20000;
var work = Directory.CreateTempSubdirectory("patchbay-bench-").FullName;
if (args.Length > 1 && args[1] == "rest")
{
    // only the Easy REST comparison: `dotnet run -c Release --project bench/Patchbay.Bench -- 5000 rest`
    await using var restRuntime = await ConnectorRuntime.CreateAsync(new RuntimeOptions { WorkFolder = Path.Combine(work, "runtime") }, CancellationToken.None);
    await using var restServer = await StartServerAsync();
    await RunRestAsync(restRuntime, restServer.Url, calls);
    Directory.Delete(work, recursive: true);
    return;
}

int[] concurrencies = [1, 16, 64];
if (args.Length > 1 && args[1] == "hub")
{
    // only the hub's HTTP API beside the Runtime API: `dotnet run -c Release --project bench/Patchbay.Bench -- 5000 hub`
    Console.WriteLine($"calls per scenario: {calls}; node {await NodeVersionAsync()}; {Environment.ProcessorCount} cores");
    var hubConnector = Connector("exports.invoke = function (g, a, d, t, LOG, callback) { callback(require('bz-util').getResponse({ ok: true }, null, 200)); };");
    await using (var hubRuntime = await ConnectorRuntime.CreateAsync(new RuntimeOptions { WorkFolder = Path.Combine(work, "runtime") }, CancellationToken.None))
    {
        HubBench.Print(await HubBench.RunAsync(hubRuntime, hubConnector, work, calls, concurrencies));
    }

    Directory.Delete(work, recursive: true);
    return;
}

if (args.Length > 1 && args[1] == "durability")
{
    // SQLite synchronous=NORMAL beside FULL, in turns: `dotnet run -c Release --project bench/Patchbay.Bench -- 1000 durability [rounds]` (default 3)
    var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
    Console.WriteLine($"calls per row: {calls}; node {await NodeVersionAsync()}; {Environment.ProcessorCount} cores");
    await DurabilityBench.RunAsync(Connector("exports.invoke = function (g, a, d, t, LOG, callback) { callback(require('bz-util').getResponse({ ok: true }, null, 200)); };"), work, calls, rounds, [1, 16]);
    Directory.Delete(work, recursive: true);
    return;
}

var rows = new List<Measurement>();

Console.WriteLine($"calls per scenario: {calls}; node {await NodeVersionAsync()}; {Environment.ProcessorCount} cores");

await using (var echo = new NodeEcho())
{
    foreach (var c in concurrencies)
    {
        rows.Add(await Measurement.RunAsync("bare stdio round trip to Node (floor)", c, calls, echo.CallAsync));
    }
}

var plain = await PlainNode.RunAsync(work, PlainNode.TrivialLoop);
Console.WriteLine($"plain Node, trivial invoke in-process: {plain["perSecond"]:N0}/s, p50 {plain["p50"]} µs, p99 {plain["p99"]} µs");

await using var runtime = await ConnectorRuntime.CreateAsync(new RuntimeOptions { WorkFolder = Path.Combine(work, "runtime") }, CancellationToken.None);
var trivial = Connector("exports.invoke = function (g, a, d, t, LOG, callback) { callback(require('bz-util').getResponse({ ok: true }, null, 200)); };");
var request = new InvocationRequest { Connector = trivial, Action = "act" };
foreach (var c in concurrencies)
{
    rows.Add(await Measurement.RunAsync("Patchbay runtime, trivial action", c, calls, async () =>
    {
        var result = await runtime.InvokeAsync(request, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.FailureMessage);
        }
    }));
}

Console.WriteLine();
Console.WriteLine("| scenario | concurrency | calls/s | p50 µs | p99 µs |");
Console.WriteLine("|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);
foreach (var c in concurrencies)
{
    var floor = rows.First(r => r.Concurrency == c && r.Scenario.Contains("floor", StringComparison.Ordinal));
    var ours = rows.First(r => r.Concurrency == c && r.Scenario.Contains("runtime", StringComparison.Ordinal));
    Console.WriteLine($"concurrency {c}: runtime reaches {ours.CallsPerSecond / floor.CallsPerSecond:P0} of the floor's throughput; p50 {ours.P50Microseconds / floor.P50Microseconds:0.0}x the floor's");
}

// An action making one GET with `request` to a loopback server, beside plain Node doing the same GET.
await using var server = await StartServerAsync();
var libraries = await InstallRequestAsync(work);
var httpCalls = Math.Max(500, calls / 20);
var plainHttp = await PlainNode.RunAsync(libraries, PlainNode.RequestLoop(server.Url + "/item", httpCalls));
var httpConnector = Connector("""
    var request = require('request');
    exports.invoke = function (g, a, d, t, LOG, callback) {
      request.get({ url: g.systemproperties.url, json: true }, function (e, res, body) { callback(require('bz-util').getResponse(body, null, res.statusCode)); });
    };
    """, Directory.EnumerateFiles(Path.Combine(libraries, "node_modules"), "*", SearchOption.AllDirectories)
        .Select(f => KeyValuePair.Create("node_modules/" + Path.GetRelativePath(Path.Combine(libraries, "node_modules"), f), File.ReadAllBytes(f))));
var httpRequest = new InvocationRequest { Connector = httpConnector, Action = "act", ConnectorParameters = new Dictionary<string, string> { ["url"] = server.Url + "/item" } };
var httpOurs = await Measurement.RunAsync("Patchbay runtime, one GET with request", 1, httpCalls, () => runtime.InvokeAsync(httpRequest, CancellationToken.None));
Console.WriteLine();
Console.WriteLine($"plain Node + request, sequential GET: p50 {plainHttp["p50"]:N0} µs, p99 {plainHttp["p99"]:N0} µs");
Console.WriteLine(httpOurs);
Console.WriteLine($"HTTP action p50 is {httpOurs.P50Microseconds / plainHttp["p50"]!.GetValue<double>():0.00}x plain Node's");
await RunRestAsync(runtime, server.Url.TrimEnd('/'), httpCalls);

Directory.Delete(work, recursive: true);

static ConnectorPackage Connector(string code, IEnumerable<KeyValuePair<string, byte[]>>? libraries = null) => new()
{
    Definition = new ConnectorDefinition
    {
        GlobalGuid = Guid.NewGuid().ToString(),
        Name = "Bench",
        FolderName = "bench",
        Version = "1.0.0",
        Type = ConnectorType.Custom,
        Authentication = new AuthenticationSettings { Method = AuthenticationMethod.None, Name = "none" },
        Actions = [new ActionDefinition { Guid = Guid.NewGuid().ToString(), Name = "act", DisplayName = "Act", Kind = ActionKind.Custom }],
    },
    Files = FileSet.From((libraries ?? []).Append(KeyValuePair.Create("actions/act.js", FileSet.EncodeText(code)))),
};

static async Task RunRestAsync(ConnectorRuntime runtime, string url, int calls)
{
    var (plainRest, ours) = await EasyRestBench.RunAsync(runtime, url.TrimEnd('/'), calls);
    Console.WriteLine();
    Console.WriteLine(plainRest);
    Console.WriteLine(ours);
    Console.WriteLine($"Easy REST GET p50 is {ours.P50Microseconds / plainRest.P50Microseconds:0.00}x a plain HttpClient GET's; throughput {ours.CallsPerSecond / plainRest.CallsPerSecond:P0} of it");
}

static async Task<string> NodeVersionAsync()
{
    using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true })!;
    return (await node.StandardOutput.ReadToEndAsync()).Trim();
}

static async Task<string> InstallRequestAsync(string work)
{
    var folder = Path.Combine(work, "libs");
    Directory.CreateDirectory(folder);
    await File.WriteAllTextAsync(Path.Combine(folder, "package.json"), """{"name":"b","private":true}""");
    using var npm = Process.Start(new ProcessStartInfo("npm", "install --no-audit --no-fund --ignore-scripts --no-package-lock request@2.88.2") { WorkingDirectory = folder, RedirectStandardOutput = true })!;
    await npm.StandardOutput.ReadToEndAsync();
    await npm.WaitForExitAsync();
    return folder;
}

static async Task<LoopbackServer> StartServerAsync()
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    var app = builder.Build();
    app.Run(context => context.Response.WriteAsJsonAsync(new { id = 1, name = "item" }));
    await app.StartAsync();
    return new LoopbackServer(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}

internal sealed record LoopbackServer(WebApplication App, string Url) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => App.DisposeAsync();
}
