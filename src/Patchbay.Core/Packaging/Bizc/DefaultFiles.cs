using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Core.Model;

namespace Patchbay.Core.Packaging.Bizc;

/// <summary>
/// The supporting files every Bizagi connector carries (bizagi-compat §2.5, §9.4), written when a
/// connector does not bring its own. They are Patchbay's own text, written from the documented
/// behaviour; a package's existing copies are kept as they are.
/// </summary>
internal static class DefaultFiles
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The supporting files a package gets when it has none of its own, by path.</summary>
    public static IReadOnlyDictionary<string, string> For(ConnectorDefinition definition, FileSet files) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ConnectorPaths.Router] = Router(),
            [ConnectorPaths.Config] = Config(definition),
            [ConnectorPaths.PackageJson] = PackageJson(definition, files),
            [ConnectorPaths.Readme] = Readme(definition),
        };

    public static string Router() => """
        'use strict';
        // Entry point Bizagi's connector service calls: invokeAction, authenticator, cleanAllModulesCache.
        var path = require('path');
        var bizagiUtil = require('bz-util');
        var config = require('./etc/config');
        var RESPONSE = bizagiUtil.getResponse;
        var ERROR = bizagiUtil.error;

        function logger(globals, enableLog) {
          return bizagiUtil.LOG(globals.projectname + '-' + config.logFileName, String(enableLog) === 'true');
        }

        function failure(e, where) {
          return RESPONSE(null, null, -400, ERROR('GLB.EXCEPTION', [e.message, e, config.logFileName + '.bizagiRouter.' + where]));
        }

        exports.invokeAction = function (globals, actionName, data, authenticationType, callback, enableLog) {
          try {
            if (!Object.prototype.hasOwnProperty.call(require('./actions'), actionName)) {
              return callback(RESPONSE(null, null, -400, ERROR('GLB.UNKNOW_ACTION', [actionName])));
            }
            var action = bizagiUtil.loadModule(path.join(__dirname, 'actions', actionName));
            action.invoke(globals, actionName, data, authenticationType, logger(globals, enableLog), callback);
          } catch (e) {
            callback(failure(e, 'invokeAction'));
          }
        };

        exports.authenticator = function (globals, callback, enableLog) {
          try {
            var auth = bizagiUtil.loadModule(path.join(__dirname, 'auth', 'auth'));
            auth.invoke(globals, logger(globals, enableLog), callback);
          } catch (e) {
            callback(failure(e, 'authenticator'));
          }
        };

        exports.cleanAllModulesCache = function (globals, callback, enableLog) {
          bizagiUtil.cleanAllModulesCache();
          callback(RESPONSE({ cleaned: true }, null, 200));
        };

        """;

    public static string Config(ConnectorDefinition definition) => $$"""
        module.exports = {
          "backingDownConfigFile": "../../../../",
          "backingDownLogDirectory": "../../../../../../../",
          "logFileName": {{JsLiterals.Quote(definition.FolderName)}},
          // FATAL | ERROR | WARN | INFO | DEBUG | TRACE
          "levelLog": "DEBUG",
          // file | console
          "logType": "file"
        };

        """;

    public static string Readme(ConnectorDefinition definition) =>
        $"Project: {definition.Name}\n    Version: {definition.Version}";

    /// <summary>The informational package.json, listing bz-util and every top-level library package.</summary>
    public static string PackageJson(ConnectorDefinition definition, FileSet files)
    {
        var dependencies = new JsonObject { [ConnectorPaths.BzUtil] = "*" };
        foreach (var (name, version) in TopLevelPackages(files))
        {
            dependencies[name] = version;
        }

        var package = new JsonObject
        {
            ["name"] = definition.Name,
            ["version"] = definition.Version,
            ["private"] = true,
            ["description"] = definition.Description,
            ["author"] = new JsonObject { ["name"] = definition.Author },
            ["dependencies"] = dependencies,
        };
        return package.ToJsonString(Indented) + "\n";
    }

    public static string Authenticator => """
        var bizagiUtil = require('bz-util');
        var RESPONSE = bizagiUtil.getResponse;

        /**
         * Runs before every action. Whatever goes in the response's output is merged into
         * globals.authdata for the action (e.g. { authorizationheader: 'Bearer ...' }).
         * @param {Bizagi.Globals} globals Connector parameters (systemproperties), authentication parameters (authdata) and projectname.
         * @param {Bizagi.Logger} LOG The invocation's log: LOG.info, LOG.debug, LOG.warn, LOG.error.
         * @param {Bizagi.Callback} callback Call with RESPONSE(output, error, statusCode, errorMessage).
         */
        function invoke(globals, LOG, callback) {
          callback(RESPONSE({}, null, 200));
        }

        exports.invoke = invoke;

        """;

    private static IEnumerable<(string Name, string Version)> TopLevelPackages(FileSet files)
    {
        foreach (var path in files.Paths)
        {
            if (!path.StartsWith(ConnectorPaths.NodeModules, StringComparison.Ordinal) || !path.EndsWith("/package.json", StringComparison.Ordinal))
            {
                continue;
            }

            var name = path[ConnectorPaths.NodeModules.Length..^"/package.json".Length];
            var isTopLevel = name.StartsWith('@') ? name.Count(c => c == '/') == 1 : !name.Contains('/', StringComparison.Ordinal);
            if (!isTopLevel)
            {
                continue;
            }

            var version = "*";
            try
            {
                version = JsonNode.Parse(files.GetText(path)!)?["version"]?.GetValue<string>() ?? "*";
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // An unreadable package.json was already reported when the library was added.
            }

            yield return (name, version);
        }
    }
}
