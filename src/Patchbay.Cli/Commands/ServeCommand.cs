using System.CommandLine;
using System.Data.Common;
using System.Net;
using Patchbay.Cli.Hub;
using Patchbay.Hub;
using Patchbay.Hub.Jobs;
using Patchbay.Hub.Storage;
using Patchbay.Runtime.Node;

namespace Patchbay.Cli.Commands;

/// <summary><c>patchbay serve</c>: starts the hub (HTTP API) and runs until Ctrl+C or SIGTERM.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen; several URLs separated by ';'.", DefaultValueFactory = _ => Env("PATCHBAY_URLS") ?? HubOptions.DefaultUrls };
        var data = new Option<string>("--data") { Description = "The data folder (SQLite database, key ring, installed connectors).", DefaultValueFactory = _ => Env("PATCHBAY_DATA") ?? HubOptions.DefaultDataFolder() };
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL connection string; state is kept there instead of SQLite (env PATCHBAY_POSTGRES)." };
        var node = new Option<string>("--node") { Description = "The node executable.", DefaultValueFactory = _ => "node" };
        var jsonLogs = new Option<bool>("--json-logs") { Description = "Write log lines as JSON objects." };
        var rateLimit = new Option<int>("--rate-limit") { Description = "Requests per second per API key; 0 turns the limit off.", DefaultValueFactory = _ => new HubOptions().RateLimitPerSecond };
        var jobWorkers = new Option<int>("--job-workers") { Description = "How many job attempts and callbacks this hub runs at once.", DefaultValueFactory = _ => new HubOptions().JobWorkers };
        var jobLease = new Option<int>("--job-lease") { Description = "Seconds after which a job attempt of a hub that died is taken again by a live hub.", DefaultValueFactory = _ => (int)new HubOptions().JobLease.TotalSeconds };
        var callbackHosts = new Option<string?>("--callback-hosts") { Description = "The hosts job callbacks may go to, separated by ',': names, addresses, or .example.com for a domain and its subdomains (env PATCHBAY_CALLBACK_HOSTS). Default: any." };
        var keyRingCertificate = new Option<string?>("--key-ring-certificate") { Description = "A PKCS#12 (.pfx) certificate with its private key that encrypts the key ring at rest (env PATCHBAY_KEY_RING_CERTIFICATE; its password only from PATCHBAY_KEY_RING_CERTIFICATE_PASSWORD)." };
        var concurrency = new Option<int>("--invocation-concurrency") { Description = "How many invocations this hub runs at once; 0 turns admission control off.", DefaultValueFactory = _ => new HubOptions().InvocationConcurrency };
        var queue = new Option<int>("--invocation-queue") { Description = "How many more invocations wait for a place; beyond that the hub answers 503 with Retry-After.", DefaultValueFactory = _ => new HubOptions().InvocationQueueLimit };
        var trustedProxies = new Option<string?>("--trusted-proxies") { Description = "Addresses of reverse proxies, besides loopback ones, whose X-Forwarded-For and X-Forwarded-Proto are believed, separated by ',' (env PATCHBAY_TRUSTED_PROXIES)." };
        var synchronous = new Option<string>("--sqlite-synchronous") { Description = "full (default): each commit is synced to disk, so an answered call survives a power cut; normal: synced at checkpoints, faster, may lose the last commits to a power cut (env PATCHBAY_SQLITE_SYNCHRONOUS). SQLite only.", DefaultValueFactory = _ => Env("PATCHBAY_SQLITE_SYNCHRONOUS") ?? "full" };
        var command = new Command("serve", "Start the hub: the HTTP API (and the web UI) on http://127.0.0.1:5080.") { urls, data, postgres, node, jsonLogs, rateLimit, jobWorkers, jobLease, callbackHosts, keyRingCertificate, trustedProxies, concurrency, queue, synchronous };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var hosts = (parse.GetValue(callbackHosts) ?? Env("PATCHBAY_CALLBACK_HOSTS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (hosts.FirstOrDefault(h => !CallbackUrls.IsHostRule(h)) is { } notAHost)
            {
                throw new UserErrorException($"--callback-hosts: '{notAHost}' is not a host; write hooks.example.com, an address, or .example.com (no scheme, port or path).");
            }

            var proxies = new List<IPAddress>();
            foreach (var proxy in (parse.GetValue(trustedProxies) ?? Env("PATCHBAY_TRUSTED_PROXIES") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                proxies.Add(IPAddress.TryParse(proxy, out var address) ? address : throw new UserErrorException($"--trusted-proxies: '{proxy}' is not an IP address."));
            }

            var sqliteSynchronous = parse.GetValue(synchronous)!.ToLowerInvariant() switch
            {
                "full" => SqliteSynchronous.Full,
                "normal" => SqliteSynchronous.Normal,
                var other => throw new UserErrorException($"--sqlite-synchronous: '{other}' is neither full nor normal."),
            };

            var options = new HubOptions
            {
                Urls = parse.GetValue(urls)!,
                DataFolder = context.Resolve(parse.GetValue(data)!),
                PostgresConnectionString = parse.GetValue(postgres) ?? Env("PATCHBAY_POSTGRES"),
                AdminKey = Env("PATCHBAY_ADMIN_KEY"),
                NodePath = parse.GetValue(node)!,
                JsonLogs = parse.GetValue(jsonLogs),
                RateLimitPerSecond = parse.GetValue(rateLimit),
                JobWorkers = parse.GetValue(jobWorkers),
                JobLease = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(jobLease))),
                CallbackHosts = hosts,
                TrustedProxies = proxies,
                InvocationConcurrency = parse.GetValue(concurrency),
                InvocationQueueLimit = parse.GetValue(queue),
                SqliteSynchronous = sqliteSynchronous,
                KeyRingCertificate = KeyRingCertificates.Load(parse.GetValue(keyRingCertificate) ?? Env("PATCHBAY_KEY_RING_CERTIFICATE"), Env("PATCHBAY_KEY_RING_CERTIFICATE_PASSWORD"), context),
            };
            HubApp hub;
            try
            {
                hub = await HubApp.StartAsync(options, null, cancellationToken);
            }
            catch (NodeUnavailableException e)
            {
                throw new UserErrorException(e.Message);
            }
            catch (DataFolderException e)
            {
                throw new UserErrorException(e.Message);
            }
            catch (DbException e)
            {
                // The provider's message names the server and the reason, never the password.
                throw new UserErrorException($"Could not open the hub's database ({(options.UsesPostgres ? "PostgreSQL" : options.DataFolder)}): {e.Message}");
            }

            await using (hub)
            {
                var storage = options.UsesPostgres ? "PostgreSQL" : Path.Combine(options.DataFolder, DataFolderLayout.Database);
                context.Error.WriteLine($"Patchbay hub listening on {string.Join(", ", hub.Addresses)} (state: {storage}). Ctrl+C stops it.");
                if (hub.CreatedAdminKey is { } key)
                {
                    // Shown once: only its hash is stored.
                    context.Error.WriteLine($"Admin API key (shown once, keep it safe): {key}");
                }

                await hub.WaitForShutdownAsync(cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
