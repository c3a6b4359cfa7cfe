using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Core.Model;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Support;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Hub.Tests.Configuration;

/// <summary>A connector with plain, password, required and closed-list parameters, and actions that show what they ran with.</summary>
internal static class ConfigTestConnector
{
    /// <summary>Installs a new connector of this shape (a fresh name each time) and returns its name.</summary>
    public static async Task<string> InstallAsync(HubFixture hub)
    {
        var name = "Config " + Guid.NewGuid().ToString("N")[..8];
        await InstallAsync(hub, new TestConnector { Name = name }, dropped: []);
        return name;
    }

    /// <summary>Installs another version of a connector of this shape, without the parameters named (of either tab).</summary>
    public static async Task InstallVersionAsync(HubFixture hub, string name, string version, params string[] dropped)
    {
        var globalGuid = await hub.QueryAsync(db => db.Connectors.Where(c => c.Name == name).Select(c => c.GlobalGuid).SingleAsync(TestContext.Current.CancellationToken));
        await InstallAsync(hub, new TestConnector { Name = name, Version = version, GlobalGuid = globalGuid }, dropped);
    }

    private static async Task InstallAsync(HubFixture hub, TestConnector connector, string[] dropped)
    {
        ConnectorParameter[] Kept(params ConnectorParameter[] parameters) => [.. parameters.Where(p => !dropped.Contains(p.Name))];
        var package = connector
            .Parameters(Kept(
                new ConnectorParameter { Name = "greeting", Required = true },
                new ConnectorParameter { Name = "region", AllowedValues = ["eu", "us"], DefaultValue = "eu" },
                new ConnectorParameter { Name = "apiKey", Required = true, PasswordMode = true }))
            .Auth("callback(RESPONSE({ token: globals.authdata.token, user: globals.authdata.user }, null, 200));", Kept(new ConnectorParameter { Name = "token", PasswordMode = true }, new ConnectorParameter { Name = "user" }))
            .Invoke(
                "greet",
                "LOG.info('greeting with ' + globals.systemproperties.greeting); callback(RESPONSE({ text: globals.systemproperties.greeting + ' from ' + globals.systemproperties.region, secrets: String(globals.systemproperties.apiKey).length + '|' + String(globals.authdata.token).length }, null, 200));",
                outputs: [new DataNode { Name = "text", Type = DataType.String }, new DataNode { Name = "secrets", Type = DataType.String }])
            .Invoke("wait", "setTimeout(function () { callback(RESPONSE({}, null, 200)); }, 20000);")
            .Invoke(
                "fetch",
                """
                var target = data.inputs.input.url;
                var mod = target.indexOf('https:') === 0 ? require('https') : require('http');
                mod.get(target, function (res) { var text = ''; res.on('data', function (c) { text += c; }); res.on('end', function () { callback(RESPONSE(JSON.parse(text), null, res.statusCode)); }); })
                  .on('error', function (e) { callback(RESPONSE(null, { error: 'E', message: String(e.message), status: 500 }, 500, String(e.message))); });
                """,
                inputs: [new DataNode { Name = "url", Type = DataType.String }],
                outputs: [new DataNode { Name = "path", Type = DataType.String }])
            .Build();
        await using var scope = hub.Hub.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConnectorCatalog>().InstallAsync(package, new Caller(Guid.NewGuid(), "test", Roles.Admin, null), TestContext.Current.CancellationToken);
    }

    public static Uri ConfigUri(string connector, string environment) =>
        new($"/api/v1/connectors/{Uri.EscapeDataString(connector)}/versions/1/environments/{Uri.EscapeDataString(environment)}/config", UriKind.Relative);

    public static Uri InvokeUri(string connector, string action) =>
        new($"/api/v1/connectors/{Uri.EscapeDataString(connector)}/versions/1/actions/{action}/invoke", UriKind.Relative);
}
