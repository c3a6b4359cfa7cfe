namespace Patchbay.Runtime.Libraries;

/// <summary>npm could not be started because it is not on PATH.</summary>
public sealed class NpmNotFoundException : Exception
{
    public NpmNotFoundException()
        : this("npm was not found on PATH. Install Node.js (npm comes with it) and make sure its folder is on PATH, then try again.")
    {
    }

    public NpmNotFoundException(string message)
        : base(message)
    {
    }

    public NpmNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
