using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Patchbay.Bench;

/// <summary>Runs a Node script that measures itself and prints one JSON line of results.</summary>
internal static class PlainNode
{
    public static async Task<JsonObject> RunAsync(string workingDirectory, string script)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(script);
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        return JsonNode.Parse(output.Trim().Split('\n')[^1])!.AsObject();
    }

    /// <summary>The trivial action called in-process in a loop: the cost of the work itself, with no platform around it.</summary>
    public const string TrivialLoop = """
        const RESPONSE = (o, e, s) => ({ response: { outputs: { output: o, error: e || {} } }, success: true, connectorstatuscode: s, errormessage: '', autotestingenabled: false });
        const invoke = (g, a, d, t, LOG, cb) => cb(RESPONSE({ ok: true }, null, 200));
        const n = 200000, lat = new Float64Array(n);
        const t0 = process.hrtime.bigint();
        for (let i = 0; i < n; i++) { const s = process.hrtime.bigint(); invoke({}, 'a', {}, 'custom', null, (r) => JSON.stringify(r)); lat[i] = Number(process.hrtime.bigint() - s) / 1000; }
        const secs = Number(process.hrtime.bigint() - t0) / 1e9; lat.sort();
        console.log(JSON.stringify({ perSecond: n / secs, p50: lat[n >> 1], p99: lat[Math.floor(n * 0.99)] }));
        """;

    /// <summary>Sequential GETs with the request library against the loopback server: the floor for an HTTP-calling action.</summary>
    public static string RequestLoop(string url, int calls) => $$"""
        const request = require('request');
        const n = {{calls}}, lat = [];
        (function next(i) {
          if (i === n) { lat.sort((a, b) => a - b); console.log(JSON.stringify({ p50: lat[n >> 1], p99: lat[Math.floor(n * 0.99)] })); return; }
          const s = process.hrtime.bigint();
          request.get({ url: '{{url}}', json: true }, () => { lat.push(Number(process.hrtime.bigint() - s) / 1000); next(i + 1); });
        })(-50);
        """.Replace("lat.push(", "if (i >= 0) lat.push(", StringComparison.Ordinal);
}
