// bizagi-compat §6.8: bz-util's config, built from etc/config.js, fixed defaults and config.properties.
var path = require('path');
var config = require('bz-util').config;

exports.invoke = require('../lib/examples')({
  'runtime-keys': function () {
    return {
      schema: config.schema, server: config.server, port: config.port, maxRequestLengthSize: config.maxRequestLengthSize,
      clusterWorkerNumber: config.clusterWorkerNumber, nodeJSExecutablePath: config.nodeJSExecutablePath, forceEnableLogger: config.forceEnableLogger
    };
  },
  'etc-config-keys': function () {
    return { logFileName: config.logFileName, levelLog: config.levelLog, logType: config.logType, backingDownConfigFile: config.backingDownConfigFile, backingDownLogDirectory: config.backingDownLogDirectory };
  },
  'logsPath-from-the-connector': function () { return path.relative(path.join(__dirname, '..'), config.logsPath).split(path.sep).join('/') + (config.logsPath.endsWith(path.sep) ? '/' : ''); },
  'logsPath': function () { return config.logsPath; },
  'same-object-as-etc-config': function () { return config === require('../etc/config'); }
});
