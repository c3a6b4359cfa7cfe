namespace Patchbay.Hub.Ui.Admin;

/// <summary>An invoker's connector list as the admin pages take it: comma-separated text; empty means every connector.</summary>
public static class ConnectorListText
{
    public static IReadOnlyList<string>? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static string Show(IReadOnlyList<string>? connectors) => connectors is null ? "all" : string.Join(", ", connectors);
}
