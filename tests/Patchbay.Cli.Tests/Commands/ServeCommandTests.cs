using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Patchbay.Cli.Tests.Support;

namespace Patchbay.Cli.Tests.Commands;

public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_starts_the_hub_prints_the_admin_key_once_and_stops_on_cancel()
    {
        using var folder = new TempFolder();
        var data = folder["data"];

        var (first, firstError) = await ServeUntilReadyAsync(folder, data, async (address, error) =>
        {
            var key = AdminKey().Match(error).Groups["key"].Value;
            key.ShouldNotBeEmpty(error);
            using var http = new HttpClient { BaseAddress = address };
            (await http.GetAsync(new Uri("/api/v1/anything", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            (await http.GetAsync(new Uri("/api/v1/anything", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        });
        first.ShouldBe(0, firstError);
        File.Exists(Path.Combine(data, "patchbay.db")).ShouldBeTrue();

        var (second, secondError) = await ServeUntilReadyAsync(folder, data, (_, error) =>
        {
            AdminKey().IsMatch(error).ShouldBeFalse("the admin key is printed on the first start only");
            return Task.CompletedTask;
        });
        second.ShouldBe(0, secondError);
    }

    [Fact]
    public async Task An_unreachable_postgres_server_is_a_clear_error()
    {
        using var folder = new TempFolder();

        var run = await folder.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--data", folder["data"], "--postgres", "Host=127.0.0.1;Port=1;Database=none;Username=x;Password=y;Timeout=2");

        run.ExitCode.ShouldBe(ExitCodes.UserError, run.ToString());
        run.Error.ShouldContain("database");
        run.Error.ShouldNotContain("Password=y");
    }

    [Fact]
    public async Task A_callback_host_written_as_a_url_is_a_clear_error()
    {
        using var folder = new TempFolder();

        var run = await folder.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--data", folder["data"], "--callback-hosts", "hooks.example.com, https://app.example.com/done");

        run.ExitCode.ShouldBe(ExitCodes.UserError, run.ToString());
        run.Error.ShouldContain("--callback-hosts: 'https://app.example.com/done' is not a host");
        Directory.Exists(folder["data"]).ShouldBeFalse("refused before the hub starts");
    }

    /// <summary>Runs 'serve' until it says where it listens, runs <paramref name="whileUp"/>, then cancels it.</summary>
    private static async Task<(int ExitCode, string Error)> ServeUntilReadyAsync(TempFolder folder, string data, Func<Uri, string, Task> whileUp)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var error = new SignallingWriter("listening on ");
        using var output = new StringWriter();
        var run = PatchbayCli.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--data", data], output, error, folder.Path, cancel.Token);
        var ready = await Task.WhenAny(error.Seen, run, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        ready.ShouldBe(error.Seen, error.ToString());
        var address = new Uri(Listening().Match(error.ToString()).Groups["url"].Value);
        try
        {
            await whileUp(address, error.ToString());
        }
        finally
        {
            await cancel.CancelAsync();
        }

        return (await run, error.ToString());
    }

    [GeneratedRegex(@"Admin API key \(shown once[^)]*\): (?<key>pb_\S+)")]
    private static partial Regex AdminKey();

    [GeneratedRegex(@"listening on (?<url>http://[^ ,]+)")]
    private static partial Regex Listening();

    /// <summary>A thread-safe text writer that completes <see cref="Seen"/> once a given text was written.</summary>
    private sealed class SignallingWriter(string awaited) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _lock = new();

        public Task Seen => _seen.Task;

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_lock)
            {
                base.Write(value);
                if (value == '\n' && base.ToString().Contains(awaited, StringComparison.Ordinal))
                {
                    _seen.TrySetResult();
                }
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "")
            {
                Write(c);
            }
        }

        public override void WriteLine(string? value)
        {
            Write(value);
            Write('\n');
        }

        public override string ToString()
        {
            lock (_lock)
            {
                return base.ToString();
            }
        }
    }
}
