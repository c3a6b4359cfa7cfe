using System.Globalization;

namespace Patchbay.Hub.Ui.Console;

/// <summary>Durations as people read them: milliseconds below a second, seconds above.</summary>
public static class Durations
{
    public static string Format(double milliseconds) => milliseconds < 1000
        ? milliseconds.ToString("0.#", CultureInfo.InvariantCulture) + " ms"
        : (milliseconds / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " s";
}
