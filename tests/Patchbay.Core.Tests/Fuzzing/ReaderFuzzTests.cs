using System.Diagnostics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Patchbay.Core.Authoring;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Core.Packaging.Libraries;
using Patchbay.Core.Packaging.Source;

namespace Patchbay.Core.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of the readers that take files from outside: a damaged .bizc, source folder or library
/// zip must end in a package or in errors that name their file, never in an exception, a hang or runaway memory.
/// Each property tries <see cref="Inputs"/> generated inputs (FsCheck, shrinking to the smallest failing one).
/// </summary>
public sealed class ReaderFuzzTests
{
    /// <summary>Inputs tried per property in every test run; PATCHBAY_FUZZ_INPUTS raises it for a longer session.</summary>
    private static readonly int Inputs = int.TryParse(Environment.GetEnvironmentVariable("PATCHBAY_FUZZ_INPUTS"), out var n) ? n : 1000;

    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(5);

    private static readonly ConnectorPackage Connector = ConnectorTemplates.Custom("Fuzzed connector", Guid.NewGuid(), Guid.NewGuid());

    private static readonly byte[] Bizc = BizcWriter.ToBytes(Connector);

    private static readonly byte[] LibraryZip = Mutations.Zip(new Dictionary<string, byte[]>
    {
        ["left-pad/package.json"] = Encoding.UTF8.GetBytes("""{"name":"left-pad","version":"1.3.0","license":"WTFPL","main":"index.js","dependencies":{"repeat":"^1.0.0"}}"""),
        ["left-pad/index.js"] = Encoding.UTF8.GetBytes("module.exports = function (s, n) { return require('repeat')(' ', n) + s; };"),
        ["repeat/package.json"] = Encoding.UTF8.GetBytes("""{"name":"repeat","version":"1.0.0","license":"MIT"}"""),
        ["repeat/index.js"] = Encoding.UTF8.GetBytes("module.exports = function (s, n) { return new Array(n + 1).join(s); };"),
    });

    [Fact]
    public void A_damaged_bizc_is_read_or_refused_with_placed_errors() =>
        Holds(Mutations.Bytes(Bizc), bytes => ReadBizc(bytes));

    [Fact]
    public void A_bizc_with_a_damaged_definition_is_read_or_refused_with_placed_errors() =>
        Holds(Mutations.ZipEntry(Bizc, Mutations.Entries(Bizc).Keys.Single(k => k.EndsWith("connector.json", StringComparison.Ordinal))), bytes => ReadBizc(bytes));

    [Fact]
    public void A_source_folder_with_a_damaged_connector_json_is_read_or_refused_with_placed_errors()
    {
        var files = SourceFolder.ToFiles(Connector);
        Holds(Mutations.Text(Encoding.UTF8.GetString(files["connector.json"])), text =>
        {
            var damaged = new Dictionary<string, byte[]>(files, StringComparer.Ordinal) { ["connector.json"] = Encoding.UTF8.GetBytes(text) };
            var read = SourceFolder.Read(damaged);
            return (read.Package, read.Diagnostics);
        });
    }

    [Fact]
    public void A_damaged_library_zip_is_accepted_or_refused_with_placed_errors() =>
        Holds(Gen.OneOf(Mutations.Bytes(LibraryZip), Mutations.ZipEntry(LibraryZip, "left-pad/package.json")), bytes =>
        {
            var inspection = LibraryZipInspector.InspectAsync(new MemoryStream(bytes), "lib.zip", PackageLimits.Default, CancellationToken.None).GetAwaiter().GetResult();
            return (inspection.Files, inspection.Diagnostics);
        });

    private static (object? Read, IReadOnlyList<Diagnostic> Diagnostics) ReadBizc(byte[] bytes)
    {
        var read = BizcReader.ReadAsync(new MemoryStream(bytes), "fuzzed.bizc", PackageLimits.Default, CancellationToken.None).GetAwaiter().GetResult();
        return (read.Package, read.Diagnostics);
    }

    /// <summary>
    /// For every generated input the reader returns within <see cref="PerInput"/>, and either reads something or
    /// gives at least one error, every error naming a file. An exception fails the property with the input shrunk.
    /// </summary>
    private static void Holds<T>(Gen<T> inputs, Func<T, (object? Read, IReadOnlyList<Diagnostic> Diagnostics)> read) =>
        Prop.ForAll(inputs.ToArbitrary(), (T input) =>
        {
            var clock = Stopwatch.StartNew();
            var (result, diagnostics) = read(input);
            clock.Elapsed.ShouldBeLessThan(PerInput);
            var errors = diagnostics.Where(d => d.IsError).ToList();
            (result is not null || errors.Count > 0).ShouldBeTrue("neither read nor refused: " + string.Join("; ", diagnostics));
            errors.ShouldAllBe(d => d.Location.File.Length > 0 && d.Message.Length > 0);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Inputs));
}
