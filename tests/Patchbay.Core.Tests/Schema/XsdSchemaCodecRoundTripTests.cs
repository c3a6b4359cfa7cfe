using FsCheck;
using FsCheck.Fluent;
using Patchbay.Core.Schema;

namespace Patchbay.Core.Tests.Schema;

public sealed class XsdSchemaCodecRoundTripTests
{
    [Fact]
    public void WriteInput_AnyTree_ParsesToEqualTree() =>
        Prop.ForAll(TreeGenerator.Trees, tree =>
        {
            var result = XsdSchemaCodec.ParseInput(XsdSchemaCodec.WriteInput(tree), "f", "xsdinput");
            return result.Inputs.Equals(tree) && result.Diagnostics.Count == 0;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void WriteOutput_AnyTrees_ParsesToEqualTrees() =>
        Prop.ForAll(TreeGenerator.Trees, TreeGenerator.Trees, (outputs, errors) =>
        {
            var result = XsdSchemaCodec.ParseOutput(XsdSchemaCodec.WriteOutput(outputs, errors), "f", "xsdoutput");
            return result.Outputs.Equals(outputs) && result.Errors.Equals(errors) && result.Diagnostics.Count == 0;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void ParseInput_BizagiSample_RewritesToEquivalentXsd()
    {
        var first = XsdSchemaCodec.ParseInput(BizagiXsdSamples.Input, "f", "xsdinput").Inputs;

        XsdSchemaCodec.ParseInput(XsdSchemaCodec.WriteInput(first), "f", "xsdinput").Inputs.ShouldBe(first);
    }
}
