namespace Patchbay.Cli;

/// <summary>The CLI's exit codes, in one place.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A problem the user fixes: invalid connector, rejected library, missing file.</summary>
    public const int UserError = 1;

    /// <summary>Bad usage: unknown command or option, missing argument.</summary>
    public const int Usage = 2;
}
