using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Patchbay.Cli.Tests.Support;
using Patchbay.Core.Model;
using Patchbay.Hub;
using Patchbay.Hub.Configuration;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Cli.Tests.HubCommands;

/// <summary><c>patchbay config</c> against a real hub started in this process (SQLite in a temporary folder).</summary>
public sealed class ConfigCommandTests : IAsyncLifetime
{
    private const string Secret = "s3cret-from-stdin";
    private readonly string _data = Directory.CreateTempSubdirectory("patchbay-cli-hub-").FullName;
    private readonly string _adminKey = ApiKeys.Generate().Key;
    private HubApp? _hub;
    private readonly string _globalGuid = Guid.NewGuid().ToString();
    private string _connector = "";

    private HubApp Hub => _hub!;

    public async ValueTask InitializeAsync()
    {
        _hub = await HubApp.StartAsync(new HubOptions { Urls = "http://127.0.0.1:0", DataFolder = _data, AdminKey = _adminKey, RateLimitPerSecond = 0 }, l => l.ClearProviders(), TestContext.Current.CancellationToken);
        _connector = "Cli Config " + Guid.NewGuid().ToString("N")[..6];
        await InstallAsync("1.0.0", new ConnectorParameter { Name = "greeting", Required = true }, new ConnectorParameter { Name = "region", DefaultValue = "eu" });
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A worker still exiting may hold a file; the OS cleans temporary folders.
        }
    }

    [Fact]
    public async Task Set_reads_a_secret_from_stdin_and_show_prints_it_masked()
    {
        var set = await RunAsync(Secret + "\n", "config", "set", _connector, "1", "--env", "Test", "greeting=Hello", "--auth", "token=@-", "--timeout", "20", "--logging", "on");
        var show = await RunAsync("", "config", "show", _connector, "1", "--env", "test");

        set.ExitCode.ShouldBe(0, set.ToString());
        show.ExitCode.ShouldBe(0, show.ToString());
        foreach (var run in new[] { set, show })
        {
            run.Output.ShouldContain("in Test: timeout 20 s, logging on");
            run.Output.ShouldContain("greeting  Hello  [required]");
            run.Output.ShouldContain("region    (not set; default eu)");
            run.Output.ShouldContain($"token  {SecretProtector.Mask}  [password]");
            run.ToString().ShouldNotContain(Secret);
        }

        var stored = await StoredTokenAsync();
        stored.ShouldNotBe(Secret);
        Hub.Services.GetRequiredService<SecretProtector>().Unprotect(stored).ShouldBe(Secret);
    }

    [Fact]
    public async Task Unset_removes_a_value_and_json_prints_the_hubs_answer()
    {
        await RunAsync("", "config", "set", _connector, "1", "--env", "Development", "greeting=Hi");

        var run = await RunAsync("", "config", "set", _connector, "1", "--env", "Development", "--unset", "greeting", "--timeout", "default", "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.ShouldContain("\"missingRequired\": [");
        run.Output.ShouldContain("\"connectorParameters.greeting\"");
        run.Output.ShouldContain("\"timeoutSeconds\": null");
    }

    [Fact]
    public async Task Show_marks_a_value_the_current_version_no_longer_declares_and_unset_removes_it()
    {
        await RunAsync("", "config", "set", _connector, "1", "--env", "Test", "greeting=Hello");
        await InstallAsync("1.1.0", new ConnectorParameter { Name = "region", DefaultValue = "eu" });

        var show = await RunAsync("", "config", "show", _connector, "1", "--env", "Test");
        var unset = await RunAsync("", "config", "set", _connector, "1", "--env", "Test", "--unset", "greeting");

        show.ExitCode.ShouldBe(0, show.ToString());
        show.Output.ShouldContain("greeting  Hello  [not in this version; --unset to remove]");
        unset.ExitCode.ShouldBe(0, unset.ToString());
        unset.Output.ShouldNotContain("greeting");
    }

    [Fact]
    public async Task The_hubs_refusal_is_printed_with_the_place_and_exit_code_one()
    {
        var unknown = await RunAsync("", "config", "set", _connector, "1", "--env", "Test", "nope=1");
        var environment = await RunAsync("", "config", "show", _connector, "1", "--env", "Nowhere");
        var malformed = await RunAsync("", "config", "set", _connector, "1", "--env", "Test", "novalue");
        var badTimeout = await RunAsync("", "config", "set", _connector, "1", "--env", "Test", "--timeout", "soon");

        unknown.ExitCode.ShouldBe(1);
        unknown.Error.ShouldContain("$.connectorParameters.nope: No such parameter");
        environment.ExitCode.ShouldBe(1);
        environment.Error.ShouldContain("There is no environment 'Nowhere'");
        malformed.Error.ShouldContain("'novalue' is not name=value");
        badTimeout.Error.ShouldContain("--timeout 'soon'");
    }

    [Fact]
    public async Task Without_a_key_the_error_says_where_to_put_one()
    {
        var run = await RunAsync("", new Dictionary<string, string?>(), "config", "show", _connector, "1", "--env", "Test");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("PATCHBAY_API_KEY");
    }

    [Fact]
    public async Task A_key_of_a_role_that_may_not_configure_is_refused()
    {
        var author = await CreateKeyAsync(Roles.Author);

        var run = await RunAsync("", new Dictionary<string, string?> { ["PATCHBAY_API_KEY"] = author }, "config", "show", _connector, "1", "--env", "Test", "--hub", Hub.Addresses[0].ToString());

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("403");
    }

    [Fact]
    public async Task Connect_prints_the_page_to_open_and_the_hub_keeps_the_started_authorization()
    {
        var oauth = await InstallOAuthAsync();
        var set = await RunAsync("", "config", "set", oauth, "1", "--env", "Test", "--auth", "token_url=https://login.example.com/token", "--auth", "authorize_url=https://login.example.com/authorize", "--auth", "client_id=patchbay");

        var connect = await RunAsync("", "config", "connect", oauth, "1", "--env", "Test", "--redirect-uri", "https://hub.example.com/oauth/callback");

        set.ExitCode.ShouldBe(0, set.ToString());
        connect.ExitCode.ShouldBe(0, connect.ToString());
        var page = connect.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("https://login.example.com/authorize?", StringComparison.Ordinal));
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(page).Query);
        query["client_id"].ShouldBe("patchbay");
        query["redirect_uri"].ShouldBe("https://hub.example.com/oauth/callback");
        query["code_challenge_method"].ShouldBe("S256");
        connect.Output.ShouldContain("sends the browser back to https://hub.example.com/oauth/callback");
        await using var scope = Hub.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<HubDb>().OAuthAuthorizations.CountAsync(a => a.ConnectorName == oauth, TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Fact]
    public async Task Connect_is_refused_for_a_connector_without_the_authorization_code_grant()
    {
        var run = await RunAsync("", "config", "connect", _connector, "1", "--env", "Test");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("does not use OAuth 2.0 with the authorization code grant");
    }

    private Task<CliRun> RunAsync(string stdin, params string[] args) =>
        RunAsync(stdin, new Dictionary<string, string?> { ["PATCHBAY_API_KEY"] = _adminKey, ["PATCHBAY_HUB"] = Hub.Addresses[0].ToString() }, args);

    private async Task<CliRun> RunAsync(string stdin, Dictionary<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        // No profile file of the machine's user is read: the profile path points into the test's folder.
        environment.TryAdd("PATCHBAY_PROFILES", Path.Combine(_data, "no-profiles.json"));
        var context = new CliContext(output, error, _data) { Input = input, GetEnvironmentVariable = name => environment.GetValueOrDefault(name) };
        var exitCode = await PatchbayCli.RunAsync(context, args, TestContext.Current.CancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Installs a version of the test connector with these Connector parameters (the same globalguid each time).</summary>
    private async Task InstallAsync(string version, params ConnectorParameter[] parameters)
    {
        var package = new TestConnector { Name = _connector, Version = version, GlobalGuid = _globalGuid }
            .Parameters(parameters)
            .Auth("callback(RESPONSE({}, null, 200));", new ConnectorParameter { Name = "token", PasswordMode = true })
            .Invoke("noop", "callback(RESPONSE({}, null, 200));")
            .Build();
        await using var scope = Hub.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConnectorCatalog>().InstallAsync(package, new Caller(Guid.NewGuid(), "test", Roles.Admin, null), TestContext.Current.CancellationToken);
    }

    /// <summary>Installs a connector whose method is OAuth 2.0 with the authorization code grant; answers its name.</summary>
    private async Task<string> InstallOAuthAsync()
    {
        var name = "Cli OAuth " + Guid.NewGuid().ToString("N")[..6];
        var package = new TestConnector { Name = name }
            .Invoke("noop", "callback(RESPONSE({}, null, 200));")
            .Build()
            .With(AuthenticationMethod.OAuth2, "https://api.example.com", OAuth2Grant.AuthorizationCode, [.. new[] { "token_url", "authorize_url", "client_id" }.Select(p => new ConnectorParameter { Name = p })]);
        await using var scope = Hub.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConnectorCatalog>().InstallAsync(package, new Caller(Guid.NewGuid(), "test", Roles.Admin, null), TestContext.Current.CancellationToken);
        return name;
    }

    private async Task<string> StoredTokenAsync()
    {
        await using var scope = Hub.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        return await db.ParameterValues.AsNoTracking().Where(v => v.Name == "token").Select(v => v.Value).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> CreateKeyAsync(string role)
    {
        var (key, prefix) = ApiKeys.Generate();
        await using var scope = Hub.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        db.ApiKeys.Add(new ApiKeyRecord { Id = Guid.CreateVersion7(), Name = role + prefix, Prefix = prefix, Hash = ApiKeys.Hash(key), Role = role, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return key;
    }
}
