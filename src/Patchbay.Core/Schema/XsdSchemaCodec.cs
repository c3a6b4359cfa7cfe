using System.Text;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Schema;

/// <summary>
/// Converts between data trees and the XSD text of an action's <c>xsdinput</c>/<c>xsdoutput</c> (bizagi-compat §5.3).
/// </summary>
/// <remarks>
/// <para>
/// Writing follows Bizagi exactly: the fixed header, complex elements with the non-standard
/// <c>type="xs:complexType"</c> attribute and a nested <c>xs:complexType/xs:sequence</c>, lists as
/// <c>minOccurs="0" maxOccurs="unbounded"</c>, and no occurs attributes on an optional single field.
/// </para>
/// <para>
/// <b>Decision:</b> a field is required only when its element says <c>minOccurs="1"</c> (or more) explicitly.
/// Bizagi's files omit <c>minOccurs</c> on every field; the XSD default of 1 would make every field required,
/// which is not what Bizagi means. A required field is therefore written with an explicit <c>minOccurs="1"</c>.
/// </para>
/// <para>
/// Reading is tolerant: unknown XSD types become String with an <c>unknown-xsd-type</c> warning, an element with
/// neither a type nor content is a String, and complex types named at schema level are followed. Writing then
/// reading any tree gives an equal tree.
/// </para>
/// </remarks>
public static class XsdSchemaCodec
{
    /// <summary>The XSD of an action's inputs: <c>inputs/input/…fields</c>.</summary>
    public static string WriteInput(ValueList<DataNode> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var writer = new XsdWriter();
        writer.StartComplex(XsdConstants.Inputs);
        writer.StartComplex(XsdConstants.Input);
        writer.WriteFields(inputs);
        writer.EndComplex();
        writer.EndComplex();
        return writer.ToString();
    }

    /// <summary>The XSD of an action's outputs: <c>outputs/output/…fields</c> and <c>outputs/error/…fields</c>.</summary>
    public static string WriteOutput(ValueList<DataNode> outputs, ValueList<DataNode> errors)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(errors);
        var writer = new XsdWriter();
        writer.StartComplex(XsdConstants.Outputs);
        writer.StartComplex(XsdConstants.Output);
        writer.WriteFields(outputs);
        writer.EndComplex();
        writer.StartComplex(XsdConstants.Error);
        writer.WriteFields(errors);
        writer.EndComplex();
        writer.EndComplex();
        return writer.ToString();
    }

    /// <summary>Reads the fields of <c>inputs/input</c>.</summary>
    /// <param name="xsd">The XSD text.</param>
    /// <param name="fileForDiagnostics">The file named in diagnostics, such as <c>def/connector.json</c>.</param>
    /// <param name="pathPrefix">Put before the element path in diagnostics: <c>xsdinput: inputs/input/customer/id</c>.</param>
    /// <remarks>A missing <c>inputs</c> element gives a warning and an empty tree; a missing <c>input</c>, an empty tree.</remarks>
    public static XsdInputSchema ParseInput(string xsd, string fileForDiagnostics, string pathPrefix)
    {
        ArgumentNullException.ThrowIfNull(xsd);
        var diagnostics = new DiagnosticList();
        if (XsdReader.Load(xsd, fileForDiagnostics, pathPrefix, diagnostics) is not { } reader)
        {
            return new XsdInputSchema([], diagnostics);
        }

        var wrapper = FindWrapper(reader, XsdConstants.Inputs);
        var input = wrapper is null ? null : reader.FindElement(wrapper, XsdConstants.Input);
        var inputs = input is null ? [] : reader.ReadFields(input, $"{XsdConstants.Inputs}/{XsdConstants.Input}");
        return new XsdInputSchema(inputs, diagnostics);
    }

    /// <summary>Reads the fields of <c>outputs/output</c> and <c>outputs/error</c>.</summary>
    /// <param name="xsd">The XSD text.</param>
    /// <param name="fileForDiagnostics">The file named in diagnostics, such as <c>def/connector.json</c>.</param>
    /// <param name="pathPrefix">Put before the element path in diagnostics: <c>xsdoutput: outputs/output/id</c>.</param>
    /// <remarks>
    /// A missing <c>output</c> gives an empty output tree. A missing <c>error</c> element gives
    /// <see cref="DataTrees.DefaultError"/>, which is what Bizagi Studio maps when the author defined none;
    /// an <c>error</c> element with no fields gives an empty error tree.
    /// </remarks>
    public static XsdOutputSchema ParseOutput(string xsd, string fileForDiagnostics, string pathPrefix)
    {
        ArgumentNullException.ThrowIfNull(xsd);
        var diagnostics = new DiagnosticList();
        if (XsdReader.Load(xsd, fileForDiagnostics, pathPrefix, diagnostics) is not { } reader)
        {
            return new XsdOutputSchema([], [], diagnostics);
        }

        var wrapper = FindWrapper(reader, XsdConstants.Outputs);
        var output = wrapper is null ? null : reader.FindElement(wrapper, XsdConstants.Output);
        var error = wrapper is null ? null : reader.FindElement(wrapper, XsdConstants.Error);
        var outputs = output is null ? [] : reader.ReadFields(output, $"{XsdConstants.Outputs}/{XsdConstants.Output}");
        var errors = error is null ? DataTrees.DefaultError : reader.ReadFields(error, $"{XsdConstants.Outputs}/{XsdConstants.Error}");
        return new XsdOutputSchema(outputs, errors, diagnostics);
    }

    /// <summary>Reads base64-encoded <c>xsdinput</c>, as stored in a <c>.bizc</c>.</summary>
    public static XsdInputSchema ParseInputBase64(string base64, string fileForDiagnostics, string pathPrefix)
    {
        var decoded = FromBase64(base64, fileForDiagnostics, pathPrefix);
        return decoded.Text is null
            ? new XsdInputSchema([], decoded.Diagnostics)
            : ParseInput(decoded.Text, fileForDiagnostics, pathPrefix);
    }

    /// <summary>Reads base64-encoded <c>xsdoutput</c>, as stored in a <c>.bizc</c>.</summary>
    public static XsdOutputSchema ParseOutputBase64(string base64, string fileForDiagnostics, string pathPrefix)
    {
        var decoded = FromBase64(base64, fileForDiagnostics, pathPrefix);
        return decoded.Text is null
            ? new XsdOutputSchema([], [], decoded.Diagnostics)
            : ParseOutput(decoded.Text, fileForDiagnostics, pathPrefix);
    }

    /// <summary>The base64 of the UTF-8 bytes of the XSD (no byte order mark), as a <c>.bizc</c> stores it.</summary>
    public static string ToBase64(string xsd)
    {
        ArgumentNullException.ThrowIfNull(xsd);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(xsd));
    }

    /// <summary>Decodes base64 of UTF-8 text; bad base64 or bad UTF-8 gives an <c>invalid-base64</c> error.</summary>
    /// <remarks>A leading UTF-8 byte order mark is dropped.</remarks>
    public static DecodedText FromBase64(string base64, string fileForDiagnostics, string pathPrefix)
    {
        ArgumentNullException.ThrowIfNull(base64);
        var location = new Location(fileForDiagnostics, pathPrefix.Length == 0 ? null : pathPrefix);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return new DecodedText(null, [Diagnostic.Error(SchemaDiagnosticCodes.InvalidBase64, location, "The value is not valid base64.")]);
        }

        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return new DecodedText(text.TrimStart('\uFEFF'), []);
        }
        catch (DecoderFallbackException)
        {
            return new DecodedText(null, [Diagnostic.Error(SchemaDiagnosticCodes.InvalidBase64, location, "The decoded bytes are not UTF-8 text.")]);
        }
    }

    private static System.Xml.Linq.XElement? FindWrapper(XsdReader reader, string name)
    {
        var wrapper = reader.FindElement(null, name);
        if (wrapper is null)
        {
            reader.Warn(SchemaDiagnosticCodes.MissingElement, null, $"The schema has no top-level '{name}' element; the tree is empty.");
        }

        return wrapper;
    }
}
