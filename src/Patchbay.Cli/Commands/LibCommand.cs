using System.CommandLine;
using Patchbay.Cli.Libraries;
using Patchbay.Cli.Output;
using Patchbay.Runtime.Libraries;

namespace Patchbay.Cli.Commands;

/// <summary><c>patchbay lib pack|add</c>: npm libraries as the flattened zips Bizagi expects.</summary>
internal static class LibCommand
{
    public static Command Create(CliContext context) =>
        new("lib", "Package npm libraries and add them to a connector.") { Pack(context), Add(context) };

    private static Command Pack(CliContext context)
    {
        var specs = new Argument<string[]>("npm-spec") { Description = "Packages as npm takes them: axios, request@2.88.2, @scope/name@^1.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The zip to write.", Required = true };
        var command = new Command("pack", "Install npm packages with their dependencies and write them as a flattened library zip.") { specs, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = await PackAsync(context, parse.GetValue(specs)!, context.Resolve(parse.GetValue(output)!), cancellationToken);
            context.Output.WriteLine(result.ZipPath);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Add(CliContext context)
    {
        var sources = new Argument<string[]>("zip-or-npm-spec") { Description = "Library zips, or npm packages to pack first.", Arity = ArgumentArity.OneOrMore };
        var connector = new Option<string>("--connector") { Description = "The connector source folder.", DefaultValueFactory = _ => "." };
        var command = new Command("add", "Check a library zip (or pack npm packages) and add its packages to the connector's libraries/.") { sources, connector };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = context.Resolve(parse.GetValue(connector)!);
            if (!Directory.Exists(folder))
            {
                throw new UserErrorException($"'{parse.GetValue(connector)}' is not a folder.");
            }

            var values = parse.GetValue(sources)!;
            var zips = values.Where(v => File.Exists(context.Resolve(v))).ToList();
            var npmSpecs = values.Except(zips).ToList();
            var temporary = Directory.CreateTempSubdirectory("patchbay-lib-");
            try
            {
                if (npmSpecs.Count > 0)
                {
                    var packed = await PackAsync(context, npmSpecs, Path.Combine(temporary.FullName, "npm.zip"), cancellationToken);
                    zips.Add(packed.ZipPath!);
                }

                foreach (var zip in zips)
                {
                    await AddZipAsync(context, context.Resolve(zip), folder, cancellationToken);
                }
            }
            finally
            {
                temporary.Delete(recursive: true);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<LibraryPackResult> PackAsync(CliContext context, IReadOnlyList<string> specs, string zip, CancellationToken cancellationToken)
    {
        var packer = new LibraryPacker(new NpmRunner());
        LibraryPackResult result;
        try
        {
            result = await NpmProgress.RunAsync(context.Error, progress => packer.PackAsync(specs, zip, progress, cancellationToken));
        }
        catch (Exception e) when (e is NpmNotFoundException or ArgumentException)
        {
            throw new UserErrorException(e.Message);
        }

        context.Diagnostics.Print(result.Diagnostics);
        if (!result.Succeeded)
        {
            throw new UserErrorException($"npm could not install {string.Join(' ', specs)}.");
        }

        context.Error.WriteLine($"Packed {result.Packages.Count} packages: {string.Join(", ", result.Packages.Where(p => p.IsTopLevel))}");
        return result;
    }

    private static async Task AddZipAsync(CliContext context, string zip, string folder, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(zip);
        var result = await LibraryInstaller.AddAsync(stream, Path.GetFileName(zip), folder, context.Limits, cancellationToken);
        context.Diagnostics.Print(result.Diagnostics);
        if (!result.Succeeded)
        {
            throw new UserErrorException($"{Path.GetFileName(zip)} was rejected; the connector was not changed.");
        }

        foreach (var replaced in result.Replaced)
        {
            context.Error.WriteLine($"Replaced {replaced}");
        }

        context.Error.WriteLine($"Added {string.Join(", ", result.Added)} to {Path.Combine(folder, LibraryInstaller.LibrariesFolder)}");
    }
}
