using System.Xml.Linq;

namespace Patchbay.Core.Schema;

/// <summary>Names and namespaces of Bizagi's I/O schemas (bizagi-compat §5.3).</summary>
internal static class XsdConstants
{
    public const string XsNamespaceUri = "http://www.w3.org/2001/XMLSchema";

    public const string TargetNamespaceUri = "http://tempuri.org/XMLSchema1.xsd";

    /// <summary>The declaration and <c>xs:schema</c> start tag exactly as Bizagi writes them.</summary>
    public const string Header =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        + "<xs:schema xmlns=\"" + TargetNamespaceUri + "\" xmlns:mstns=\"" + TargetNamespaceUri + "\""
        + " xmlns:xs=\"" + XsNamespaceUri + "\" id=\"XMLSchema1\" targetNamespace=\"" + TargetNamespaceUri + "\""
        + " elementFormDefault=\"qualified\">";

    public const string Footer = "</xs:schema>";

    public const string Inputs = "inputs";
    public const string Input = "input";
    public const string Outputs = "outputs";
    public const string Output = "output";
    public const string Error = "error";

    public static readonly XNamespace Xs = XsNamespaceUri;
}
