using Patchbay.Core.Diagnostics;

namespace Patchbay.Core.Packaging.Libraries;

/// <summary>Checks that a library's files are flattened npm packages whose dependencies all resolve.</summary>
internal static class LibraryLayoutCheck
{
    /// <summary>Adds a diagnostic for each problem and returns the packages found (meaningful only without errors).</summary>
    public static IReadOnlyList<LibraryPackage> Check(IReadOnlyDictionary<string, byte[]> files, string zipName, DiagnosticList diagnostics)
    {
        var topLevel = CheckTopLevelFolders(files, zipName, diagnostics);
        var manifests = new SortedDictionary<string, (string Name, byte[] Content)>(StringComparer.Ordinal);
        foreach (var (path, content) in files)
        {
            if (LibraryCatalog.FolderOfManifest(path) is { } folder
                && PackageFolders.TryGetPackageName(folder, out var name)
                && PackageFolders.TopLevelFolder(path) is { } top
                && topLevel.Contains(top))
            {
                manifests[folder] = (name, content);
            }
        }

        CheckNestedFolders(files.Keys, manifests, zipName, diagnostics);

        var packages = new List<LibraryPackage>();
        foreach (var (folder, (name, content)) in manifests)
        {
            var manifestPath = $"{folder}/{PackageFolders.PackageJson}";
            var manifest = PackageManifest.TryParse(content, out var error);
            if (manifest is null)
            {
                diagnostics.Error(
                    LibraryDiagnosticCodes.InvalidPackageJson,
                    new Location(zipName, manifestPath),
                    $"{error} Replace it with the package's own package.json (reinstall the package with npm).");
                continue;
            }

            packages.Add(new LibraryPackage(name, manifest.Version, folder, manifest.License));
            CheckDependencies(folder, manifest, manifests, zipName, diagnostics);
        }

        if (packages.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Error(LibraryDiagnosticCodes.Empty, new Location(zipName), "The zip holds no npm package. Build it with 'patchbay lib pack <package>'.");
        }

        return packages;
    }

    /// <summary>Checks each top-level folder and returns those that are packages (they have a package.json).</summary>
    private static HashSet<string> CheckTopLevelFolders(IReadOnlyDictionary<string, byte[]> files, string zipName, DiagnosticList diagnostics)
    {
        var packages = new HashSet<string>(StringComparer.Ordinal);
        var folders = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var path in files.Keys)
        {
            var top = PackageFolders.TopLevelFolder(path)!;
            if (top.StartsWith('@') && !top.Contains('/', StringComparison.Ordinal))
            {
                diagnostics.Error(
                    LibraryDiagnosticCodes.RootFile,
                    new Location(zipName, path),
                    $"'{path}' is a file directly in the scope folder '{top}/', where only package folders ({top}/name/) may be.");
                continue;
            }

            if (!folders.TryGetValue(top, out var list))
            {
                folders[top] = list = [];
            }

            list.Add(path);
        }

        foreach (var (folder, paths) in folders)
        {
            if (files.ContainsKey($"{folder}/{PackageFolders.PackageJson}") && PackageFolders.TryGetPackageName(folder, out _))
            {
                packages.Add(folder);
                continue;
            }

            var at = new Location(zipName, $"{folder}/");
            var inner = paths.Select(p => LibraryCatalog.FolderOfManifest(p[(folder.Length + 1)..]))
                .FirstOrDefault(f => f is not null && PackageFolders.TryGetPackageName(f, out _));
            if (folder == PackageFolders.NodeModules)
            {
                diagnostics.Error(
                    LibraryDiagnosticCodes.IntermediateFolder,
                    at,
                    "'node_modules/' must not be in the zip: the zip's root becomes the connector's node_modules. "
                    + "Move its contents to the zip root (zip what is inside node_modules, not the folder).");
            }
            else if (inner is not null)
            {
                diagnostics.Error(
                    LibraryDiagnosticCodes.IntermediateFolder,
                    at,
                    $"'{folder}/' is an intermediate folder: it has no package.json but holds packages ({folder}/{inner}/). "
                    + "Move its contents to the zip root, so that each package is a folder at the root.");
            }
            else
            {
                diagnostics.Error(
                    LibraryDiagnosticCodes.MissingPackageJson,
                    at,
                    $"'{folder}/' has no package.json. Every folder at the zip root must be an npm package with its package.json; "
                    + "leave other folders out of the zip.");
            }
        }

        return packages;
    }

    /// <summary>Reports folders under a package's node_modules that are not packages (they have no package.json).</summary>
    private static void CheckNestedFolders(
        IEnumerable<string> paths, SortedDictionary<string, (string Name, byte[] Content)> manifests, string zipName, DiagnosticList diagnostics)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var segments = path.Split('/');
            for (var i = 1; i < segments.Length - 1; i++)
            {
                var owner = string.Join('/', segments[..i]);
                if (segments[i] != PackageFolders.NodeModules || !manifests.ContainsKey(owner))
                {
                    continue;
                }

                var length = segments[i + 1].StartsWith('@') ? 2 : 1;
                if (i + 1 + length >= segments.Length || segments[i + 1].StartsWith('.'))
                {
                    continue;
                }

                var folder = string.Join('/', segments[..(i + 1 + length)]);
                if (!manifests.ContainsKey(folder) && reported.Add(folder))
                {
                    diagnostics.Error(
                        LibraryDiagnosticCodes.MissingPackageJson,
                        new Location(zipName, $"{folder}/"),
                        $"'{folder}/' is in {owner}'s node_modules but has no package.json. Reinstall the library with npm.");
                }
            }
        }
    }

    private static void CheckDependencies(
        string folder, PackageManifest manifest, SortedDictionary<string, (string Name, byte[] Content)> manifests, string zipName, DiagnosticList diagnostics)
    {
        var at = new Location(zipName, $"{folder}/{PackageFolders.PackageJson}");
        foreach (var (dependency, range) in manifest.Dependencies.Concat(manifest.OptionalDependencies).DistinctBy(d => d.Key))
        {
            if (PackageFolders.ResolutionCandidates(folder, dependency).Any(manifests.ContainsKey))
            {
                continue;
            }

            var message = $"{folder}/package.json: dependency '{dependency}' ({range}) is not in the zip.";
            if (manifest.OptionalDependencies.ContainsKey(dependency))
            {
                diagnostics.Warning(
                    LibraryDiagnosticCodes.MissingOptionalDependency,
                    at,
                    $"{message} It is optional, so the package should work without it.");
            }
            else
            {
                diagnostics.Error(
                    LibraryDiagnosticCodes.MissingDependency,
                    at,
                    $"{message} Pack the library with its dependencies ('patchbay lib pack', or 'npm install' and zip node_modules' contents).");
            }
        }
    }
}
