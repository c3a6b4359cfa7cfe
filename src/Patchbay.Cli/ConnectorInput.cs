using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Core.Packaging.Source;

namespace Patchbay.Cli;

/// <summary>Reads a connector from a path that is either a <c>.bizc</c> file or a source folder.</summary>
internal static class ConnectorInput
{
    public static async Task<ConnectorReadResult> ReadAsync(CliContext context, string path, CancellationToken cancellationToken)
    {
        var full = context.Resolve(path);
        if (File.Exists(full))
        {
            return await BizcReader.ReadAsync(full, context.Limits, cancellationToken);
        }

        if (Directory.Exists(full))
        {
            return SourceFolder.Read(full, context.Limits);
        }

        throw new UserErrorException($"'{path}' is neither a .bizc file nor a connector folder.");
    }
}
