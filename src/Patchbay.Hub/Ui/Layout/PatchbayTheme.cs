using MudBlazor;

namespace Patchbay.Hub.Ui.Layout;

/// <summary>The UI's colours and type: calm, readable, with enough contrast for long days of work.</summary>
public static class PatchbayTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#6a4c93",
            AppbarBackground = "#143d59",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"] },
        },
    };
}
