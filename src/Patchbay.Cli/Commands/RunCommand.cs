using System.CommandLine;
using System.Text.Json;
using Patchbay.Runtime;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Node;

namespace Patchbay.Cli.Commands;

/// <summary><c>patchbay run &lt;connector&gt; &lt;action&gt;</c>: one invocation through the same runtime the hub uses.</summary>
internal static class RunCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var connector = new Argument<string>("connector") { Description = "A connector source folder or a .bizc file." };
        var action = new Argument<string>("action") { Description = "The action to run, e.g. create-issue." };
        var input = new Option<string?>("--input", "-i") { Description = "The inputs: a JSON object, or @file.json." };
        var parameters = new Option<string[]>("--param", "-p") { Description = "A Connector or Authentication parameter value, name=value (repeatable).", AllowMultipleArgumentsPerToken = false };
        var timeout = new Option<string?>("--timeout") { Description = "How long the action may take: 30s, 500ms, 2m. Default 30s." };
        var log = new Option<bool>("--log") { Description = "Enable the connector's LOG and print its lines (and the HTTP calls) to stderr." };
        var proxy = new Option<Uri?>("--proxy") { Description = "An HTTP proxy for every outbound request of the connector, e.g. http://proxy:3128." };
        var noProxy = new Option<string[]>("--no-proxy") { Description = "A host reached without the proxy (repeatable): name, .domain or *." };
        var ca = new Option<string?>("--ca") { Description = "A PEM file of CA certificates to trust besides the system's." };
        var command = new Command("run", "Invoke an action of a connector and print Bizagi's response envelope.") { connector, action, input, parameters, timeout, log, proxy, noProxy, ca };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var read = await ConnectorInput.ReadAsync(context, parse.GetValue(connector)!, cancellationToken);
            var package = read.GetPackageOrThrow(); // an invalid connector's errors are printed once, by the caller
            var (connectorValues, authValues) = RunArguments.SplitParameters(package.Definition, parse.GetValue(parameters) ?? []);
            var request = new InvocationRequest
            {
                Connector = package,
                Action = parse.GetValue(action)!,
                Inputs = RunArguments.ReadInput(context, parse.GetValue(input)),
                ConnectorParameters = connectorValues,
                AuthenticationParameters = authValues,
                Timeout = parse.GetValue(timeout) is { } text ? RunArguments.ParseDuration(text) : null,
                EnableLog = parse.GetValue(log),
            };

            InvocationResult result;
            try
            {
                var options = new RuntimeOptions
                {
                    Proxy = parse.GetValue(proxy),
                    NoProxy = parse.GetValue(noProxy) ?? [],
                    ExtraCaCertificatesFile = parse.GetValue(ca) is { } pem ? RunArguments.ExistingFile(context, pem, "--ca") : null,
                };
                await using var runtime = await ConnectorRuntime.CreateAsync(options, cancellationToken);
                result = await runtime.InvokeAsync(request, cancellationToken);
            }
            catch (NodeUnavailableException e)
            {
                throw new UserErrorException(e.Message);
            }

            foreach (var line in result.Logs)
            {
                context.Error.WriteLine($"[{line.Time:yyyy-MM-dd HH:mm:ss.fff}] [{line.Level}] {line.Text}");
            }

            foreach (var call in result.HttpCalls)
            {
                context.Error.WriteLine($"[http] {call.Method} {call.Url} -> {call.Status} in {call.DurationMilliseconds:0.0} ms ({call.RequestBytes} B out, {call.ResponseBytes} B in)");
            }

            context.Diagnostics.Print(result.Diagnostics);
            context.Output.WriteLine(result.Envelope.ToJsonString(Indented));
            context.Error.WriteLine($"{result.Outcome} in {result.Duration.TotalMilliseconds:0} ms" + (result.FailureMessage is { Length: > 0 } m ? $": {m}" : ""));
            return result.Envelope["success"]?.GetValueKind() == JsonValueKind.True ? ExitCodes.Success : ExitCodes.UserError;
        });
        return command;
    }
}
