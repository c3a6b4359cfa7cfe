using System.IO.Compression;
using System.Text;

namespace Patchbay.Core.Tests.Support;

/// <summary>
/// Builds a <c>.bizc</c> in the exact layout Bizagi's Connector Editor writes (bizagi-compat §2.3):
/// stored (uncompressed) entries with explicit directory entries, base64 XSDs with the non-standard
/// <c>type="xs:complexType"</c> attribute, a bundled bz-util, and an uploaded library kept as
/// <c>node_modules/&lt;library&gt;/&lt;package&gt;</c>.
/// </summary>
internal static class BizagiPackage
{
    public const string InputXsd = """<?xml version="1.0" encoding="utf-8"?><xs:schema xmlns="http://tempuri.org/XMLSchema1.xsd" xmlns:mstns="http://tempuri.org/XMLSchema1.xsd" xmlns:xs="http://www.w3.org/2001/XMLSchema" id="XMLSchema1" targetNamespace="http://tempuri.org/XMLSchema1.xsd" elementFormDefault="qualified"><xs:element name="inputs" type="xs:complexType"><xs:complexType><xs:sequence><xs:element name="input" type="xs:complexType"><xs:complexType><xs:sequence><xs:element name="title" type="xs:string" /><xs:element name="body" type="xs:string" /><xs:element name="labels" type="xs:string" minOccurs="0" maxOccurs="unbounded" /><xs:element name="assignee" type="xs:complexType"><xs:complexType><xs:sequence><xs:element name="login" type="xs:string" /><xs:element name="id" type="xs:integer" /></xs:sequence></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element></xs:schema>""";

    public const string OutputXsd = """<?xml version="1.0" encoding="utf-8"?><xs:schema xmlns="http://tempuri.org/XMLSchema1.xsd" xmlns:mstns="http://tempuri.org/XMLSchema1.xsd" xmlns:xs="http://www.w3.org/2001/XMLSchema" id="XMLSchema1" targetNamespace="http://tempuri.org/XMLSchema1.xsd" elementFormDefault="qualified"><xs:element name="outputs" type="xs:complexType"><xs:complexType><xs:sequence><xs:element name="output" type="xs:complexType"><xs:complexType><xs:sequence><xs:element name="number" type="xs:integer" /><xs:element name="url" type="xs:string" /><xs:element name="created" type="xs:date" /><xs:element name="score" type="xs:decimal" /><xs:element name="ratio" type="xs:double" /><xs:element name="locked" type="xs:boolean" /><xs:element name="attachment" type="xs:byte" minOccurs="0" maxOccurs="unbounded" /><xs:element name="comments" type="xs:complexType" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:sequence><xs:element name="author" type="xs:string" /><xs:element name="text" type="xs:string" /></xs:sequence></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element><xs:element name="error" type="xs:complexType"><xs:complexType><xs:sequence><xs:element name="error" type="xs:string" /><xs:element name="message" type="xs:string" /><xs:element name="status" type="xs:integer" /></xs:sequence></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element></xs:schema>""";

    public const string ActionCode = """
        var bizagiUtil = require('bz-util');
        var REQUIRED = bizagiUtil.REQUIRED;
        var RESPONSE = bizagiUtil.getResponse;

        function invoke(globals, actionName, data, authenticationType, LOG, callback) {
          var Client = REQUIRED('node-rest-client').Client;
          var client = new Client();
          var input = data.inputs.input;
          client.post(globals.systemproperties.baseurl + '/issues', { data: { title: input.title, body: input.body } }, function (body) {
            callback(RESPONSE(body, null, 200));
          });
        }
        exports.invoke = invoke;

        """;

    public static string Definition(string? icon = null) => $$"""
        {"globalguid":"f54abcbd-1a7a-4073-9420-18f12321e776","name":"MyConnector","foldername":"my-connector","description":"Connector for Git","homeurl":"https://example.com","icon":"{{icon ?? Some.PngBase64}}","version":"1.0.0","runtimeversion":"1","author":"Jane Doe","type":"custom","systemdefinition":{"properties":[{"name":"baseurl","datatype":"","required":true,"propertyvalues":[]}],"authentications":[{"authenticationtype":"custom","name":"custom","properties":[{"name":"TOKEN","datatype":"","required":true,"passwordmode":true,"propertyvalues":[]}]}]},"actions":[{"guid":"7a800162-e2d6-45d7-b831-871fdc81f62d","name":"create-issue","displayName":"Create Issue","description":"Creates an issue","actiontype":"custom","contenttype":"","resturl":"","httpoperation":"notdefined","useauthentication":false,"xsdinput":"{{B64(InputXsd)}}","xsdoutput":"{{B64(OutputXsd)}}"}]}
        """;

    /// <summary>The Editor's files, path → text; a test may replace or remove any before building.</summary>
    public static Dictionary<string, string> Files() => new(StringComparer.Ordinal)
    {
        ["def/connector.json"] = Definition(),
        ["actions.js"] = "module.exports = { \"create-issue\": \"Creates an issue\" }",
        ["actions/create-issue.js"] = ActionCode,
        ["auth/auth.js"] = "var bizagiUtil = require('bz-util'); var log = bizagiUtil.isLoggerEnabled;\nvar RESPONSE = bizagiUtil.getResponse;\nfunction invoke(globals, LOG, callback) { callback(RESPONSE({}, null, 200)); }\nexports.invoke = invoke;\n",
        ["bizagiRouter.js"] = "// router as the Editor ships it\nexports.invokeAction = function () {};\n",
        ["etc/config.js"] = "module.exports = {\n  \"backingDownConfigFile\": \"../../../../\",\n  \"backingDownLogDirectory\": \"../../../../../../../\",\n  \"logFileName\": \"my-connector\",\n  \"levelLog\": \"DEBUG\",\n  \"logType\": \"file\"\n}\n",
        ["etc/errors.js"] = "module.exports = {\n  \"GIT.NOT_FOUND\": \"Repository not found: %s\"\n};\n",
        ["package.json"] = "{\"name\":\"MyConnector\",\"version\":\"1.0.0\",\"private\":true,\"scripts\":{\"start\":\"node ./bin/www\"},\"description\":\"Connector for Git\",\"author\":{\"name\":\"Jane Doe\",\"email\":\"jane@example.com\"},\"dependencies\":{\"bz-util\":\"*\",\"rest\":\"*\"}}",
        ["Readme.md"] = "Project: MyConnector\n    Version: 1.0.0",
        ["node_modules/bz-util/package.json"] = "{\"name\":\"bz-util\",\"version\":\"1.0.0\"}",
        ["node_modules/bz-util/index.js"] = "module.exports = {};",
        ["node_modules/bz-util/node_modules/iz/package.json"] = "{\"name\":\"iz\",\"version\":\"0.7.1\"}",
        ["node_modules/rest/node-rest-client/package.json"] = "{\"name\":\"node-rest-client\",\"version\":\"3.1.0\",\"main\":\"./lib/node-rest-client\",\"dependencies\":{\"xml2js\":\">=0.2.4\"}}",
        ["node_modules/rest/node-rest-client/lib/node-rest-client.js"] = "exports.Client = function () {};",
        ["node_modules/rest/xml2js/package.json"] = "{\"name\":\"xml2js\",\"version\":\"0.4.23\"}",
        ["node_modules/rest/xml2js/lib/xml2js.js"] = "exports.parseString = function () {};",
    };

    public static byte[] Build(Dictionary<string, string>? files = null)
    {
        files ??= Files();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var folders = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var path in files.Keys)
            {
                for (var i = path.IndexOf('/', StringComparison.Ordinal); i > 0; i = path.IndexOf('/', i + 1))
                {
                    folders.Add(path[..(i + 1)]);
                }
            }

            foreach (var folder in folders)
            {
                zip.CreateEntry(folder, CompressionLevel.NoCompression);
            }

            foreach (var (path, text) in files)
            {
                using var stream = zip.CreateEntry(path, CompressionLevel.NoCompression).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
