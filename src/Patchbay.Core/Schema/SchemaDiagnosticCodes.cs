namespace Patchbay.Core.Schema;

/// <summary>The stable diagnostic codes reported by the schema codecs and the sample inference.</summary>
public static class SchemaDiagnosticCodes
{
    /// <summary>Error: the XSD is not well-formed XML, or its root is not <c>xs:schema</c>.</summary>
    public const string InvalidXsd = "invalid-xsd";

    /// <summary>Error: an <c>xsdinput</c>/<c>xsdoutput</c> value is not valid base64 of UTF-8 text.</summary>
    public const string InvalidBase64 = "invalid-base64";

    /// <summary>Warning: the <c>inputs</c> or <c>outputs</c> wrapper element is missing; the tree is empty.</summary>
    public const string MissingElement = "missing-element";

    /// <summary>Warning: an XSD type has no Bizagi equivalent; the field is read as String.</summary>
    public const string UnknownXsdType = "unknown-xsd-type";

    /// <summary>Warning: an XSD construct the codec does not read (element refs, recursive types, unnamed elements).</summary>
    public const string UnsupportedXsd = "unsupported-xsd";

    /// <summary>Warning: a <c>minOccurs</c>/<c>maxOccurs</c> value that is not a number or <c>unbounded</c>.</summary>
    public const string InvalidOccurs = "invalid-occurs";

    /// <summary>Warning: two fields of one object have the same name; the later one is dropped.</summary>
    public const string DuplicateField = "duplicate-field";

    /// <summary>Error: a JSON sample is not valid JSON.</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>Error: a JSON sample is a primitive (or null), which cannot describe a tree.</summary>
    public const string InvalidSample = "invalid-sample";

    /// <summary>Warning: a field name is not a valid XML element name; it is kept as it is.</summary>
    public const string InvalidFieldName = "invalid-field-name";

    /// <summary>Warning: the values of one field have shapes that do not merge cleanly.</summary>
    public const string TypeConflict = "type-conflict";

    /// <summary>Warning: an array is empty (or holds only nulls); it is read as a list of String.</summary>
    public const string EmptyArray = "empty-array";

    /// <summary>Warning: an array holds arrays; trees have no nested lists, so the inner element type is used.</summary>
    public const string NestedList = "nested-list";

    /// <summary>Warning: a top-level array of primitives became a single list field called <c>items</c>.</summary>
    public const string TopLevelArray = "top-level-array";

    /// <summary>Error: a type name in a <c>connector.json</c> tree is not one of the <see cref="Model.DataType"/> names.</summary>
    public const string UnknownType = "unknown-type";

    /// <summary>Error: a <c>connector.json</c> tree or field has the wrong JSON kind, or a bad <c>$type</c>.</summary>
    public const string InvalidTree = "invalid-tree";
}
