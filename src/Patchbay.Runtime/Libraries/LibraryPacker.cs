using Patchbay.Core.Diagnostics;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Libraries;

namespace Patchbay.Runtime.Libraries;

/// <summary>Builds a flattened library zip from npm package specs (<c>patchbay lib pack axios request@2.88</c>, the Connector Editor's Libraries tab).</summary>
/// <remarks>
/// <para>
/// npm installs the specs into an empty temporary project; the contents of its <c>node_modules</c> become the zip
/// root, so every package is one folder at the root (<c>axios/</c>, <c>@scope/name/</c>).
/// </para>
/// <para>
/// <b>Version conflicts.</b> When two packages need incompatible versions of one dependency, npm hoists one version to
/// the root and nests the other under the package that needs it (<c>request/node_modules/form-data/</c>). That nesting
/// is kept as it is: Node resolves <c>require('form-data')</c> from <c>request</c>'s code to its own node_modules first,
/// and everyone else gets the root copy. <c>REQUIRED('form-data')</c> in connector code (which looks only at the root)
/// gets the hoisted version, as does plain <c>require</c> from the connector's actions.
/// </para>
/// <para>
/// The written zip is inspected with <see cref="LibraryZipInspector"/> before it is handed out, so <c>lib pack</c>
/// never produces a zip that <c>lib add</c> would reject. It is written to a temporary name next to the target and
/// moved into place, so a failure never leaves a half-written zip.
/// </para>
/// </remarks>
public sealed class LibraryPacker(INpmRunner npm)
{
    /// <summary>The package.json of the temporary project npm installs into.</summary>
    internal const string TemporaryPackageJson = """{"name":"patchbay-library","private":true}""";

    /// <summary>The code of the error when npm fails.</summary>
    public const string NpmInstallFailed = "npm-install-failed";

    /// <summary>The code of the warning for a symbolic link npm created and the zip leaves out.</summary>
    public const string LinkSkipped = "library-link-skipped";

    /// <summary>The location diagnostics about npm itself use.</summary>
    public static readonly Location NpmLocation = new("npm install");

    /// <summary>
    /// The fixed part of the npm command line. <c>--ignore-scripts</c>: install scripts of arbitrary packages do not run
    /// on the author's machine (and native builds would not match Bizagi's host anyway). <c>--no-package-lock</c>: the
    /// project is thrown away, so a lockfile would be written for nobody. <c>--no-bin-links</c>: no <c>.bin</c> symlinks
    /// to skip later. <c>--install-strategy=hoisted</c> is npm's default, stated because the flat layout depends on it.
    /// </summary>
    internal static readonly IReadOnlyList<string> InstallArguments =
    [
        "install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", "--no-bin-links",
        "--omit=dev", "--install-strategy=hoisted",
    ];

    /// <param name="npmSpecs">What to install, as npm accepts it (<c>axios</c>, <c>request@2.88.2</c>, <c>@scope/name@^1</c>).</param>
    /// <param name="outputZipPath">The zip to write; replaced when it exists and packing succeeds.</param>
    /// <param name="progress">Receives npm's output lines and Patchbay's own steps.</param>
    /// <param name="cancellationToken">Kills npm and stops; nothing is written.</param>
    /// <exception cref="NpmNotFoundException">npm is not on PATH.</exception>
    public async Task<LibraryPackResult> PackAsync(
        IReadOnlyList<string> npmSpecs, string outputZipPath, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(npmSpecs);
        ArgumentException.ThrowIfNullOrEmpty(outputZipPath);
        ValidateSpecs(npmSpecs);

        var fullZipPath = Path.GetFullPath(outputZipPath);
        var project = Directory.CreateTempSubdirectory("patchbay-pack-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(project, "package.json"), TemporaryPackageJson, cancellationToken).ConfigureAwait(false);
            progress?.Report($"npm install {string.Join(' ', npmSpecs)}");
            var run = await npm.RunAsync(project, [.. InstallArguments, .. npmSpecs], progress, cancellationToken).ConfigureAwait(false);
            if (!run.Succeeded)
            {
                return Failed(Diagnostic.Error(
                    NpmInstallFailed,
                    NpmLocation,
                    $"npm install failed with exit code {run.ExitCode}. Check the package names and versions. npm said:"
                    + Environment.NewLine + string.Join(Environment.NewLine, run.StandardErrorTail)));
            }

            var nodeModules = Path.Combine(project, "node_modules");
            if (!Directory.Exists(nodeModules))
            {
                return Failed(Diagnostic.Error(NpmInstallFailed, NpmLocation, "npm install succeeded but installed nothing (there is no node_modules)."));
            }

            return await WriteZipAsync(nodeModules, fullZipPath, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            DeleteQuietly(project);
        }
    }

    private static async Task<LibraryPackResult> WriteZipAsync(
        string nodeModules, string fullZipPath, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(fullZipPath)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullZipPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
            await using (output.ConfigureAwait(false))
            {
                var written = await LibraryZipWriter.WriteAsync(nodeModules, output, cancellationToken).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                output.Position = 0;
                progress?.Report($"Checking {written.FileCount:N0} files");
                var inspection = await LibraryZipInspector.InspectAsync(output, Path.GetFileName(fullZipPath), PackageLimits.Default, cancellationToken)
                    .ConfigureAwait(false);
                if (!inspection.IsValid)
                {
                    return new LibraryPackResult(null, [], [.. LinkWarnings(written), .. inspection.Diagnostics]);
                }

                await output.DisposeAsync().ConfigureAwait(false);
                File.Move(temporary, fullZipPath, overwrite: true);
                return new LibraryPackResult(fullZipPath, inspection.Packages, [.. LinkWarnings(written), .. inspection.Diagnostics]);
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static IEnumerable<Diagnostic> LinkWarnings(LibraryZipWriteResult written) =>
        written.SkippedLinks.Select(link => Diagnostic.Warning(
            LinkSkipped,
            new Location("node_modules", link),
            $"'{link}' is a symbolic link and was left out of the zip (links are never followed)."));

    /// <summary>The first of <paramref name="npmSpecs"/> that is not an npm package spec, or null when all are.</summary>
    /// <remarks>A spec that starts with '-' would be read by npm as an option (<c>--registry=...</c>, <c>--script-shell=...</c>).</remarks>
    public static string? FindInvalidSpec(IEnumerable<string> npmSpecs)
    {
        ArgumentNullException.ThrowIfNull(npmSpecs);
        return npmSpecs.FirstOrDefault(s => string.IsNullOrWhiteSpace(s) || s.StartsWith('-'));
    }

    private static void ValidateSpecs(IReadOnlyList<string> npmSpecs)
    {
        if (npmSpecs.Count == 0)
        {
            throw new ArgumentException("Name at least one npm package to pack.", nameof(npmSpecs));
        }

        if (FindInvalidSpec(npmSpecs) is { } bad)
        {
            throw new ArgumentException($"'{bad}' is not an npm package spec.", nameof(npmSpecs));
        }
    }

    private static LibraryPackResult Failed(Diagnostic diagnostic) => new(null, [], [diagnostic]);

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the pack for it is not.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: read-only files npm left behind on Windows.
        }
    }
}
