using Patchbay.Core.Packaging.Source;
using Patchbay.OpenApi.Tests.Support;

namespace Patchbay.OpenApi.Tests.Import;

public sealed class AllSpecsTests
{
    public static TheoryData<string> Files => [.. Specs.All];

    [Theory]
    [MemberData(nameof(Files))]
    public void Import_EverySpec_PassesTheValidatorCleanly(string file)
    {
        var result = Specs.Import(file);

        result.Validate().ShouldBeEmpty();
        result.Definition().Type.ShouldBe(Core.Model.ConnectorType.EasyRest);
        result.Definition().Actions.ShouldNotBeEmpty();
        result.Definition().Actions.ShouldAllBe(a => a.Rest!.SendTemplateInputs == false);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Import_EverySpec_PointsEachReportItemIntoTheDocument(string file)
    {
        var result = Specs.Import(file);

        result.Report.Items.ShouldAllBe(i => i.Location.StartsWith('#') && i.Message.Length > 0);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Import_EverySpec_SurvivesASourceFolderRoundTrip(string file)
    {
        var package = Specs.Import(file).Package!;

        var read = SourceFolder.Read(SourceFolder.ToFiles(package));

        read.Diagnostics.ShouldBeEmpty();
        read.Package.ShouldNotBeNull().Definition.ShouldBe(package.Definition);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Import_Twice_GivesEqualConnectors(string file) =>
        Specs.Import(file).Package.ShouldBe(Specs.Import(file).Package);
}
