using System.Net;
using System.Net.Sockets;
using System.Text;
using Patchbay.Cli.Tests.Support;

namespace Patchbay.Cli.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Run_NewConnectorsAction_PrintsTheEnvelopeAndLogs()
    {
        await _folder.RunAsync("new", "Greeter");

        var run = await _folder.RunAsync("run", "greeter", "say-hello", "--input", """{"name":"Ada"}""", "--log");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.ShouldContain("\"greeting\": \"Hello, Ada!\"");
        run.Output.ShouldContain("\"success\": true");
        run.Error.ShouldContain("[INFO] [say-hello] greeting Ada");
        run.Error.ShouldContain("Succeeded in");
    }

    [Fact]
    public async Task Run_InputFromFileAndAPackedBizc_Works()
    {
        await _folder.RunAsync("new", "Greeter");
        await _folder.RunAsync("pack", "greeter", "-o", "greeter.bizc");
        await File.WriteAllTextAsync(_folder["in.json"], """{"name":"Grace"}""", TestContext.Current.CancellationToken);

        var run = await _folder.RunAsync("run", "greeter.bizc", "say-hello", "-i", "@in.json");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.ShouldContain("Hello, Grace!");
    }

    [Fact]
    public async Task Run_MissingRequiredInput_ExitsWithOneAndNamesIt()
    {
        await _folder.RunAsync("new", "Greeter");

        var run = await _folder.RunAsync("run", "greeter", "say-hello", "--input", "{}");

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldContain("\"connectorstatuscode\": -400");
        run.Error.ShouldContain("$.name");
    }

    [Theory]
    [InlineData("--param", "nope=1", "no such parameter")]
    [InlineData("--param", "novalue", "is not name=value")]
    [InlineData("--timeout", "soon", "is not a duration")]
    [InlineData("--input", "{oops", "not valid JSON")]
    public async Task Run_BadArguments_AreUserErrors(string option, string value, string message)
    {
        await _folder.RunAsync("new", "Greeter");

        var run = await _folder.RunAsync("run", "greeter", "say-hello", option, value);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain(message);
    }

    [Fact]
    public async Task Run_EasyRestAction_CallsTheApiAndPrintsTheEnvelope()
    {
        using var api = new HttpListener();
        var port = FreePort();
        api.Prefixes.Add($"http://127.0.0.1:{port}/");
        api.Start();
        var served = ServeOnceAsync(api, """{"id":"1","name":"Pen","extra":true}""");
        await _folder.RunAsync("new", "Items", "--rest");
        var definition = _folder["items/connector.json"];
        await File.WriteAllTextAsync(definition, (await File.ReadAllTextAsync(definition, TestContext.Current.CancellationToken)).Replace("https://api.example.com", $"http://127.0.0.1:{port}", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var run = await _folder.RunAsync("run", "items", "get-item", "--input", """{"id":"1"}""", "--log");

        run.ExitCode.ShouldBe(0, run.ToString());
        (await served.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).ShouldBe("GET /items/1?id=1");
        run.Output.ShouldContain("\"name\": \"Pen\"");
        run.Output.ShouldContain("\"success\": true");
        run.Error.ShouldContain($"[http] GET http://127.0.0.1:{port}/items/1?id=1 -> 200");
        run.Error.ShouldContain("Request: GET");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Answers one request with <paramref name="json"/>; returns its method and URL.</summary>
    private static async Task<string> ServeOnceAsync(HttpListener listener, string json)
    {
        var context = await listener.GetContextAsync();
        var seen = $"{context.Request.HttpMethod} {context.Request.RawUrl}";
        context.Response.ContentType = "application/json";
        var body = Encoding.UTF8.GetBytes(json);
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
        return seen;
    }

    [Fact]
    public async Task Run_InvalidConnector_PrintsEachErrorOnce()
    {
        await _folder.RunAsync("new", "Greeter");
        File.Delete(_folder["greeter/auth/auth.js"]);

        var run = await _folder.RunAsync("run", "greeter", "say-hello");

        run.ExitCode.ShouldBe(1);
        run.Error.Split("missing-auth-file").Length.ShouldBe(2);
    }
}
