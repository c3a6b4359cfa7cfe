using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Cli.Hub;

namespace Patchbay.Cli.Commands;

/// <summary>
/// <c>patchbay invoke &lt;connector&gt; &lt;action&gt; --env NAME</c>: invokes an installed connector on a hub, sync
/// (prints Bizagi's envelope) or async (prints the job id; with --wait, waits and prints the result's envelope).
/// </summary>
internal static class InvokeCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static Command Create(CliContext context)
    {
        var connector = new Argument<string>("connector") { Description = "The installed connector's name." };
        var action = new Argument<string>("action") { Description = "The action to run." };
        var major = new Option<int>("--major") { Description = "The connector's major version.", DefaultValueFactory = _ => 1 };
        var environment = new Option<string>("--env") { Description = "The environment whose configuration to run with (Development, Test, Production, ...).", Required = true };
        var input = new Option<string?>("--input", "-i") { Description = "The inputs: a JSON object, or @file.json." };
        var isAsync = new Option<bool>("--async") { Description = "Run as a job: print its id at once." };
        var wait = new Option<bool>("--wait") { Description = "With --async: wait for the job and print its result." };
        var idempotencyKey = new Option<string?>("--idempotency-key") { Description = "Send an Idempotency-Key: a repeat with the same key returns the first answer instead of running again." };
        var attempts = new Option<int?>("--attempts") { Description = "With --async: how often a transient failure is tried (1-10)." };
        var backoff = new Option<int?>("--backoff") { Description = "With --async: seconds before the second attempt, doubled after each failure (0-3600)." };
        var callback = new Option<string?>("--callback") { Description = "With --async: a URL the hub POSTs the job's result to." };
        var hub = new HubConnection();
        var command = new Command("invoke", "Invoke an action of a connector installed on a hub.") { connector, action, major, environment, input, isAsync, wait, idempotencyKey, attempts, backoff, callback };
        hub.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var asJob = parse.GetValue(isAsync);
            if (!asJob && (parse.GetValue(wait) || parse.GetValue(attempts) is not null || parse.GetValue(backoff) is not null || parse.GetValue(callback) is not null))
            {
                throw new UserErrorException("--wait, --attempts, --backoff and --callback need --async.");
            }

            var body = new JsonObject
            {
                ["environment"] = parse.GetValue(environment),
                ["inputs"] = RunArguments.ReadInput(context, parse.GetValue(input)),
            };
            if (parse.GetValue(attempts) is not null || parse.GetValue(backoff) is not null)
            {
                body["retry"] = new JsonObject { ["attempts"] = parse.GetValue(attempts) ?? 1, ["backoffSeconds"] = parse.GetValue(backoff) ?? 0 };
            }

            if (parse.GetValue(callback) is { } url)
            {
                body["callbackUrl"] = url;
            }

            var path = $"api/v1/connectors/{Uri.EscapeDataString(parse.GetValue(connector)!)}/versions/{parse.GetValue(major).ToString(CultureInfo.InvariantCulture)}/actions/{Uri.EscapeDataString(parse.GetValue(action)!)}/invoke{(asJob ? "?mode=async" : "")}";
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
            if (parse.GetValue(idempotencyKey) is { } key)
            {
                request.Headers.Add("Idempotency-Key", key);
            }

            using var client = hub.Connect(parse);
            var answer = await client.SendForJsonAsync(request, cancellationToken) as JsonObject ?? throw new UserErrorException("The hub answered nothing.");
            if (!asJob)
            {
                return PrintAnswer(context, answer);
            }

            var jobId = answer["jobId"]!.ToString();
            context.Output.WriteLine(jobId);
            if (!parse.GetValue(wait))
            {
                context.Error.WriteLine($"Job accepted; its status: patchbay invoke … --wait, or GET {answer["statusUrl"]}");
                return ExitCodes.Success;
            }

            var status = await WaitAsync(client, jobId, cancellationToken);
            context.Error.WriteLine($"Job {jobId} {status["state"]} after {status["attempts"]} attempt(s).");
            return status["result"] is JsonObject result ? PrintAnswer(context, result) : ExitCodes.UserError;
        });
        return command;
    }

    /// <summary>Prints the envelope (stdout) and a summary (stderr); success is exit 0.</summary>
    private static int PrintAnswer(CliContext context, JsonObject answer)
    {
        context.Output.WriteLine(answer["envelope"]?.ToJsonString(Indented) ?? "null");
        var success = answer["success"]?.GetValueKind() == JsonValueKind.True;
        context.Error.WriteLine($"{answer["outcome"]} in {answer["durationMs"]?.GetValue<double>():0} ms, invocation {answer["invocationId"]}" + (answer["failureMessage"] is { } m ? $": {m}" : ""));
        return success ? ExitCodes.Success : ExitCodes.UserError;
    }

    private static async Task<JsonObject> WaitAsync(HubClient client, string jobId, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/v1/jobs/{jobId}", UriKind.Relative));
            var status = await client.SendForJsonAsync(request, cancellationToken) as JsonObject ?? throw new UserErrorException("The hub answered nothing.");
            if (status["state"]?.ToString() is "succeeded" or "failed")
            {
                return status;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
