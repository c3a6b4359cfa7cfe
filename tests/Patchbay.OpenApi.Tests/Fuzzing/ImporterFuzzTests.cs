using FsCheck;
using FsCheck.Fluent;
using Patchbay.Core.Tests.Fuzzing;
using Patchbay.OpenApi.Tests.Support;

namespace Patchbay.OpenApi.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of the OpenAPI importer: damaged versions of real documents (JSON and YAML) give a
/// connector or a failure that says why, never an exception. Each property tries <see cref="Inputs"/> inputs.
/// </summary>
public sealed class ImporterFuzzTests
{
    /// <summary>Inputs tried per document in every test run; PATCHBAY_FUZZ_INPUTS raises it for a longer session.</summary>
    private static readonly int Inputs = int.TryParse(Environment.GetEnvironmentVariable("PATCHBAY_FUZZ_INPUTS"), out var n) ? n : 300;

    [Theory]
    [InlineData(Specs.Petstore3)]
    [InlineData(Specs.Petstore2)]
    [InlineData(Specs.EdgeCases)]
    public void A_damaged_document_is_imported_or_refused_with_a_reason(string document) =>
        Prop.ForAll(Mutations.Text(Specs.Text(document)).ToArbitrary(), (string text) =>
        {
            var result = OpenApiImporter.Import(text, new OpenApiImportOptions { BaseUri = Specs.PetstoreBaseUri });
            (result.Package is not null || !string.IsNullOrWhiteSpace(result.Failure)).ShouldBeTrue("neither a connector nor a failure");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Inputs));
}
