namespace Patchbay.Core.Tests.Schema;

/// <summary>XSDs in the exact layout of the Connector Editor (bizagi-compat §5.3), with its line breaks.</summary>
internal static class BizagiXsdSamples
{
    public const string Input =
        """
        <?xml version="1.0" encoding="utf-8"?><xs:schema xmlns="http://tempuri.org/XMLSchema1.xsd"
          xmlns:mstns="http://tempuri.org/XMLSchema1.xsd" xmlns:xs="http://www.w3.org/2001/XMLSchema" id="XMLSchema1"
          targetNamespace="http://tempuri.org/XMLSchema1.xsd" elementFormDefault="qualified">
         <xs:element name="inputs" type="xs:complexType"><xs:complexType><xs:sequence>
           <xs:element name="input" type="xs:complexType"><xs:complexType><xs:sequence>
             <xs:element name="title" type="xs:string" /> <xs:element name="body" type="xs:string" />
             <xs:element name="tags" type="xs:complexType" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:sequence>
               <xs:element name="label" type="xs:string" /><xs:element name="weight" type="xs:decimal" />
             </xs:sequence></xs:complexType></xs:element>
             <xs:element name="author" type="xs:complexType"><xs:complexType><xs:sequence>
               <xs:element name="id" type="xs:integer" />
               <xs:element name="address" type="xs:complexType"><xs:complexType><xs:sequence>
                 <xs:element name="city" type="xs:string" />
               </xs:sequence></xs:complexType></xs:element>
             </xs:sequence></xs:complexType></xs:element>
           </xs:sequence></xs:complexType></xs:element>
         </xs:sequence></xs:complexType></xs:element></xs:schema>
        """;

    public const string Output =
        """
        <?xml version="1.0" encoding="utf-8"?><xs:schema xmlns="http://tempuri.org/XMLSchema1.xsd"
          xmlns:mstns="http://tempuri.org/XMLSchema1.xsd" xmlns:xs="http://www.w3.org/2001/XMLSchema" id="XMLSchema1"
          targetNamespace="http://tempuri.org/XMLSchema1.xsd" elementFormDefault="qualified">
         <xs:element name="outputs" type="xs:complexType"><xs:complexType><xs:sequence>
           <xs:element name="output" type="xs:complexType"><xs:complexType><xs:sequence>
             <xs:element name="id" type="xs:integer" /><xs:element name="created" type="xs:date" />
           </xs:sequence></xs:complexType></xs:element>
           <xs:element name="error" type="xs:complexType"><xs:complexType><xs:sequence>
             <xs:element name="error" type="xs:string" /><xs:element name="message" type="xs:string" />
             <xs:element name="status" type="xs:integer" /></xs:sequence></xs:complexType></xs:element>
         </xs:sequence></xs:complexType></xs:element></xs:schema>
        """;

    /// <summary>A schema with the given top-level content after Bizagi's header.</summary>
    public static string Schema(string body) =>
        """<?xml version="1.0" encoding="utf-8"?><xs:schema xmlns="http://tempuri.org/XMLSchema1.xsd" xmlns:mstns="http://tempuri.org/XMLSchema1.xsd" xmlns:xs="http://www.w3.org/2001/XMLSchema" id="XMLSchema1" targetNamespace="http://tempuri.org/XMLSchema1.xsd" elementFormDefault="qualified">"""
        + body + "</xs:schema>";

    /// <summary>An input schema whose <c>input</c> element holds the given fields.</summary>
    public static string InputWith(string fields, string extraTopLevel = "") =>
        Schema(
            """<xs:element name="inputs" type="xs:complexType"><xs:complexType><xs:sequence><xs:element name="input" type="xs:complexType"><xs:complexType><xs:sequence>"""
            + fields
            + "</xs:sequence></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element>"
            + extraTopLevel);
}
