using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Cli.Hub;

namespace Patchbay.Cli.Commands;

/// <summary>
/// <c>patchbay config show|set|connect</c>: the parameter values, timeout and logging of an installed connector's
/// major version in one environment of a hub, and connecting its OAuth 2.0 account. A secret given as
/// <c>name=@-</c> is read from standard input, so it never appears in the shell history or the process list.
/// </summary>
internal static class ConfigCommand
{
    private const string FromStdin = "@-";

    public static Command Create(CliContext context)
    {
        var command = new Command("config", "Show or change a connector's configuration in an environment of a hub.");
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Set(context));
        command.Subcommands.Add(Connect(context));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var target = new Target();
        var json = new Option<bool>("--json") { Description = "Print the hub's JSON answer instead of a summary." };
        var command = new Command("show", "Show the values (password-mode values masked), timeout, logging and missing required parameters.");
        target.AddTo(command);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = new HubClient(target.Profile(parse, context));
            using var request = new HttpRequestMessage(HttpMethod.Get, target.Uri(parse));
            Print(context, await client.SendForJsonAsync(request, cancellationToken), parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Set(CliContext context)
    {
        var target = new Target();
        var values = new Argument<string[]>("values") { Description = "Connector parameter values: name=value; name=@- reads the value from standard input; name= sets an empty value.", Arity = ArgumentArity.ZeroOrMore };
        var auth = new Option<string[]>("--auth") { Description = "An Authentication parameter value: name=value or name=@- (repeatable).", AllowMultipleArgumentsPerToken = false };
        var unset = new Option<string[]>("--unset") { Description = "Remove a Connector parameter's value (repeatable)." };
        var unsetAuth = new Option<string[]>("--unset-auth") { Description = "Remove an Authentication parameter's value (repeatable)." };
        var timeout = new Option<string?>("--timeout") { Description = "The invocation timeout in seconds (1-3600), or 'default' for the platform's." };
        var logging = new Option<string?>("--logging") { Description = "Whether the connector's LOG lines are recorded: on or off." };
        logging.AcceptOnlyFromAmong("on", "off");
        var json = new Option<bool>("--json") { Description = "Print the hub's JSON answer instead of a summary." };
        var command = new Command("set", "Change values, timeout or logging; what is not mentioned keeps its value. Secrets: name=@- reads from standard input.");
        target.AddTo(command);
        command.Arguments.Add(values);
        command.Options.Add(auth);
        command.Options.Add(unset);
        command.Options.Add(unsetAuth);
        command.Options.Add(timeout);
        command.Options.Add(logging);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdin = new StdinValue(context.Input);
            var body = new JsonObject();
            AddValues(body, "connectorParameters", parse.GetValue(values) ?? [], parse.GetValue(unset) ?? [], stdin);
            AddValues(body, "authenticationParameters", parse.GetValue(auth) ?? [], parse.GetValue(unsetAuth) ?? [], stdin);
            if (parse.GetValue(timeout) is { } seconds)
            {
                body["timeoutSeconds"] = seconds == "default" ? null
                    : int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
                    : throw new UserErrorException($"--timeout '{seconds}' is not a whole number of seconds (or 'default').");
            }

            if (parse.GetValue(logging) is { } on)
            {
                body["loggingEnabled"] = on == "on";
            }

            if (body.Count == 0)
            {
                throw new UserErrorException("Nothing to change: give name=value, --auth name=value, --unset name, --timeout or --logging.");
            }

            using var client = new HubClient(target.Profile(parse, context));
            using var request = new HttpRequestMessage(HttpMethod.Put, target.Uri(parse)) { Content = JsonContent.Create(body) };
            Print(context, await client.SendForJsonAsync(request, cancellationToken), parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Starts the authorization a person completes in a browser (OAuth 2.0 authorization code); the hub's redirect endpoint finishes it.</summary>
    private static Command Connect(CliContext context)
    {
        var target = new Target();
        var redirectUri = new Option<string?>("--redirect-uri") { Description = "The hub's /oauth/callback as the authorization server knows it, when the hub is reached there under another address (e.g. behind a proxy)." };
        var json = new Option<bool>("--json") { Description = "Print the hub's JSON answer instead of the page to open." };
        var command = new Command("connect", "Start connecting an OAuth 2.0 (authorization code) account: prints the page where a person signs in; the connection is made when they are sent back to the hub.");
        target.AddTo(command);
        command.Options.Add(redirectUri);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var body = new JsonObject();
            if (parse.GetValue(redirectUri) is { } redirect)
            {
                body["redirectUri"] = redirect;
            }

            using var client = new HubClient(target.Profile(parse, context));
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Uri(parse, "oauth/authorize")) { Content = JsonContent.Create(body) };
            var started = await client.SendForJsonAsync(request, cancellationToken);
            if (parse.GetValue(json) || started is null)
            {
                context.Output.WriteLine(started?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "");
                return ExitCodes.Success;
            }

            var expires = started["expiresAt"]!.GetValue<DateTimeOffset>();
            context.Output.WriteLine("Open this page and sign in to connect the account:");
            context.Output.WriteLine(started["authorizeUrl"]!.GetValue<string>());
            context.Output.WriteLine($"The authorization server then sends the browser back to {started["redirectUri"]}, which makes the connection. The page can be used until {expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, once.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void AddValues(JsonObject body, string field, string[] assignments, string[] removals, StdinValue stdin)
    {
        if (assignments.Length == 0 && removals.Length == 0)
        {
            return;
        }

        var values = new JsonObject();
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UserErrorException($"'{assignment}' is not name=value.");
            }

            var value = assignment[(equals + 1)..];
            values[assignment[..equals]] = value == FromStdin ? stdin.Read(assignment[..equals]) : value;
        }

        foreach (var name in removals)
        {
            values[name] = null;
        }

        body[field] = values;
    }

    private static void Print(CliContext context, JsonNode? view, bool json)
    {
        if (json || view is null)
        {
            context.Output.WriteLine(view?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "");
            return;
        }

        var timeout = view["timeoutSeconds"] is { } seconds ? $"{seconds} s" : $"platform default ({view["defaultTimeoutSeconds"]} s)";
        var logging = view["loggingEnabled"]?.GetValue<bool>() == true ? "on" : "off";
        context.Output.WriteLine($"{view["connector"]} {view["version"]} (major {view["major"]}) in {view["environment"]}: timeout {timeout}, logging {logging}");
        PrintParameters(context, "Connector parameters", view["connectorParameters"], "--unset");
        PrintParameters(context, "Authentication parameters", view["authenticationParameters"], "--unset-auth");
        if (view["missingRequired"] is JsonArray { Count: > 0 } missing)
        {
            context.Output.WriteLine($"Missing required: {string.Join(", ", missing)}");
        }
    }

    /// <summary>Prints one tab's parameters; a value the current version no longer declares says how to remove it.</summary>
    private static void PrintParameters(CliContext context, string title, JsonNode? parameters, string unsetOption)
    {
        if (parameters is not JsonArray { Count: > 0 } list)
        {
            return;
        }

        context.Output.WriteLine(title + ":");
        var width = list.Max(p => p!["name"]!.GetValue<string>().Length);
        foreach (var parameter in list)
        {
            var value = parameter!["isSet"]?.GetValue<bool>() == true ? parameter["value"]?.GetValue<string>() ?? "" : parameter["defaultValue"] is { } fallback ? $"(not set; default {fallback})" : "(not set)";
            var notes = new List<string>();
            if (parameter["password"]?.GetValue<bool>() == true)
            {
                notes.Add("password");
            }

            if (parameter["required"]?.GetValue<bool>() == true)
            {
                notes.Add("required");
            }

            if (parameter["inDefinition"]?.GetValue<bool>() == false)
            {
                notes.Add($"not in this version; {unsetOption} to remove");
            }

            var suffix = notes.Count > 0 ? $"  [{string.Join(", ", notes)}]" : "";
            context.Output.WriteLine($"  {parameter["name"]!.GetValue<string>().PadRight(width)}  {value}{suffix}");
        }
    }

    /// <summary>The connector, major version, environment and hub a config command addresses.</summary>
    private sealed class Target
    {
        private readonly Argument<string> _connector = new("connector") { Description = "The installed connector's name." };
        private readonly Argument<int> _major = new("major") { Description = "The major version (1 for 1.x.y)." };
        private readonly Option<string> _environment = new("--env") { Description = "The environment: Development, Test, Production, or one added.", Required = true };
        private readonly Option<string?> _hub = new("--hub") { Description = "The hub's URL (else PATCHBAY_HUB, the profile, or http://127.0.0.1:5080). The API key comes from PATCHBAY_API_KEY or the profile." };
        private readonly Option<string?> _profile = new("--profile") { Description = "A profile of the profile file (PATCHBAY_PROFILES, default ~/.config/patchbay/profiles.json)." };

        public void AddTo(Command command)
        {
            command.Arguments.Add(_connector);
            command.Arguments.Add(_major);
            command.Options.Add(_environment);
            command.Options.Add(_hub);
            command.Options.Add(_profile);
        }

        public HubProfile Profile(ParseResult parse, CliContext context) =>
            HubProfile.Resolve(parse.GetValue(_hub), parse.GetValue(_profile), context.GetEnvironmentVariable);

        /// <summary>A resource of the connector's major version in the environment: its <c>config</c> by default.</summary>
        public Uri Uri(ParseResult parse, string resource = "config") => new(
            $"api/v1/connectors/{System.Uri.EscapeDataString(parse.GetValue(_connector)!)}/versions/{parse.GetValue(_major)}/environments/{System.Uri.EscapeDataString(parse.GetValue(_environment)!)}/{resource}",
            UriKind.Relative);
    }

    /// <summary>Standard input, read once for the one value given as <c>@-</c>.</summary>
    private sealed class StdinValue(TextReader input)
    {
        private string? _readFor;

        public string Read(string name)
        {
            if (_readFor is not null)
            {
                throw new UserErrorException($"Only one value can come from standard input ('{_readFor}' already does; '{name}' too).");
            }

            _readFor = name;
            // The whole input without its final line break, so 'printf %s "$TOKEN" |' and 'echo "$TOKEN" |' both work.
            return input.ReadToEnd().TrimEnd('\r', '\n');
        }
    }
}
