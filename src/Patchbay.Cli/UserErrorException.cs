namespace Patchbay.Cli;

/// <summary>A failure the user can fix; printed as one line and exit code 1, without a stack trace.</summary>
internal sealed class UserErrorException(string message) : Exception(message);
