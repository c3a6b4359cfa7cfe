using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Libraries;
using Patchbay.Runtime.Libraries;

namespace Patchbay.Hub.Drafts;

/// <summary>
/// Packs npm packages into a library for a draft in the Connector Editor, with the packer <c>patchbay lib pack</c> uses:
/// npm runs on the hub with install scripts off. Bounded because it runs for people on a shared server: one packing
/// per draft at a time, at most <see cref="MaxConcurrent"/> in the whole hub, each stopped after <see cref="Timeout"/>.
/// </summary>
/// <remarks>
/// Only registry specs are accepted (<c>name</c>, <c>name@range</c>, <c>@scope/name@tag</c>): npm also installs
/// folders, tarballs and git URLs, which would read the hub's own files or reach other hosts with its credentials.
/// </remarks>
public sealed partial class DraftLibraryPacker(INpmRunner npm, TimeProvider time) : IDisposable
{
    /// <summary>How many packings the hub runs at once; further ones wait for a turn.</summary>
    public const int MaxConcurrent = 2;

    public const string BusyCode = "library-pack-busy";
    public const string TimedOutCode = "library-pack-timeout";
    public const string InvalidSpecCode = "library-pack-invalid-spec";
    public const string NpmNotFoundCode = "npm-not-found";

    private readonly ConcurrentDictionary<Guid, bool> _running = new();
    private readonly SemaphoreSlim _turns = new(MaxConcurrent, MaxConcurrent);

    /// <summary>How long one packing may take, waiting for a turn included.</summary>
    /// <value>5 minutes: a large library with its dependencies takes well under one on a normal connection.</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The specs in what a person typed: separated by spaces or commas (<c>lodash@4 dayjs</c>).</summary>
    public static IReadOnlyList<string> ParseSpecs(string? text) =>
        (text ?? "").Split([' ', ',', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Installs <paramref name="specs"/> with npm and checks the result as an uploaded library zip is checked. The
    /// inspection is valid when it worked; otherwise its diagnostics say why (npm's error, a timeout, a bad spec, npm missing).
    /// </summary>
    /// <param name="draftId">The draft the library is for: one packing per draft at a time.</param>
    /// <param name="specs">npm registry specs.</param>
    /// <param name="progress">Receives npm's output lines and the packer's steps, as they come.</param>
    /// <param name="cancellationToken">Kills npm; throws <see cref="OperationCanceledException"/>.</param>
    public async Task<LibraryInspection> PackAsync(Guid draftId, IReadOnlyList<string> specs, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(specs);
        if (CheckSpecs(specs) is { } problem)
        {
            return Failed(InvalidSpecCode, problem);
        }

        if (!_running.TryAdd(draftId, true))
        {
            return Failed(BusyCode, "A library is already being packed for this draft (in this tab or another); wait for it to finish.");
        }

        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var folder = Directory.CreateTempSubdirectory("patchbay-draft-library-");
        try
        {
            if (!await _turns.WaitAsync(TimeSpan.Zero, CancellationToken.None))
            {
                progress?.Report("Waiting for other libraries being packed on this hub…");
                await _turns.WaitAsync(linked.Token);
            }

            try
            {
                return await PackAndInspectAsync(specs, Path.Combine(folder.FullName, "npm.zip"), progress, linked.Token);
            }
            finally
            {
                _turns.Release();
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Failed(TimedOutCode, $"Packing took longer than {Timeout.TotalMinutes:0.#} minutes and was stopped. Try fewer packages at a time.");
        }
        catch (NpmNotFoundException e)
        {
            return Failed(NpmNotFoundCode, e.Message);
        }
        finally
        {
            DeleteQuietly(folder);
            _running.TryRemove(draftId, out _);
        }
    }

    public void Dispose() => _turns.Dispose();

    private async Task<LibraryInspection> PackAndInspectAsync(IReadOnlyList<string> specs, string zipPath, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var packed = await new LibraryPacker(npm).PackAsync(specs, zipPath, progress, cancellationToken);
        if (!packed.Succeeded)
        {
            return new LibraryInspection(null, [], packed.Diagnostics);
        }

        await using var zip = File.OpenRead(packed.ZipPath);
        return await LibraryZipInspector.InspectAsync(zip, $"npm install {string.Join(' ', specs)}", PackageLimits.Default, cancellationToken);
    }

    private static string? CheckSpecs(IReadOnlyList<string> specs)
    {
        if (specs.Count == 0)
        {
            return "Name at least one npm package, e.g. dayjs or lodash@4.";
        }

        var bad = LibraryPacker.FindInvalidSpec(specs) ?? specs.FirstOrDefault(s => !RegistrySpec().IsMatch(s));
        return bad is null
            ? null
            : $"'{bad}' is not an npm registry package: write a name with an optional version, range or tag (dayjs, lodash@4, @scope/name@latest). "
              + "Folders, tarballs, URLs and git repositories are not installed on the hub; pack those with 'patchbay lib pack' and upload the zip.";
    }

    private static void DeleteQuietly(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is harmless; losing the person's library for it is not.
        }
    }

    private static LibraryInspection Failed(string code, string message) =>
        new(null, [], [Diagnostic.Error(code, LibraryPacker.NpmLocation, message)]);

    /// <summary>An npm package name (optionally scoped; old packages have capitals) with an optional version, range or tag that is no path or URL.</summary>
    [GeneratedRegex(@"^(@[a-z0-9~-][a-z0-9._~-]*/)?[a-z0-9~-][a-z0-9._~-]*(@[^\s/\\:@]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RegistrySpec();
}
