namespace Patchbay.Ui.Tests.Support;

/// <summary>The console's and editor's main screens, each with the heading that shows it has rendered.</summary>
internal static class MainScreens
{
    /// <summary>Path, h1 and a short name for screenshots; the connector's own pages take its name.</summary>
    public static IEnumerable<(string Path, string Heading, string Shot)> For(string connector) =>
    [
        ("/connectors", "Connectors", "connectors"),
        ($"/connectors/{Uri.EscapeDataString(connector)}", connector, "connector-detail"),
        ($"/connectors/{Uri.EscapeDataString(connector)}/versions/1/environments/Test", $"Configuration of {connector} major 1 in Test", "configuration"),
        ("/environments", "Environments", "environments"),
        ("/settings", "Platform settings", "settings"),
        ("/history", "Invocation history", "history"),
        ("/dashboard", "Dashboard", "dashboard"),
        ("/admin/keys", "API keys", "keys"),
        ("/admin/users", "Users", "users"),
        ("/audit", "Audit log", "audit"),
        ("/editor", "Connector Editor", "editor"),
    ];
}
