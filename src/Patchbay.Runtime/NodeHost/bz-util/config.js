'use strict';
// bz-util's config object (bizagi-compat.md §6.8), built on first access from the connector's
// etc/config.js, fixed runtime defaults and the shared config.properties.
const fs = require('node:fs');
const path = require('node:path');
const context = require('./context');
const { parseProperties } = require('./properties');

// config.properties key -> config key.
const OVERRIDES = {
  schema: 'schema',
  server: 'server',
  port: 'port',
  maxRequestLengthSize: 'maxRequestLengthSize',
  clusterWorkerNumber: 'clusterWorkerNumber',
  nodeJSExecutablePath: 'nodeJSExecutablePath',
  forceEnableLogger: 'forceEnableLogger',
  logsDirectoryPath: 'logsPath',
};

let config = null;
context._onReset(() => { config = null; });

// The connector's own object is extended in place, as the original does, so bizagiRouter's
// require('./etc/config') sees the same keys. A missing file gives {} instead of failing.
function connectorConfig(root) {
  const file = path.join(root, 'etc', 'config');
  try {
    const loaded = require(file);
    if (loaded && typeof loaded === 'object') return loaded;
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') context.log('WARN', 'bz-util: cannot load etc/config: ' + e.message);
  }
  return {};
}

// Where the original puts logs. It requires backingDownLogDirectory (path.join throws without
// it); we use it when present, relative to where bz-util sits in the connector, and otherwise
// assume the standard layout <Project>/Tools/connectors/node/<folder>/<version>.
function logsPath(root, cfg) {
  const tail = 'Temporary/Connectors/';
  if (typeof cfg.backingDownLogDirectory === 'string') {
    return path.join(root, 'node_modules', 'bz-util', cfg.backingDownLogDirectory, tail);
  }
  return path.join(root, '..', '..', '..', '..', '..', tail);
}

function readProperties(file) {
  try {
    return parseProperties(fs.readFileSync(file, 'utf8'));
  } catch {
    return {}; // absent or unreadable: no overrides
  }
}

function build() {
  const root = context.connectorRoot;
  const cfg = root ? connectorConfig(root) : {};
  cfg.logsPath = root ? logsPath(root, cfg) : undefined;
  cfg.schema = 'http';
  cfg.server = 'localhost';
  cfg.port = 16541;
  cfg.maxRequestLengthSize = '10mb';
  cfg.clusterWorkerNumber = 'auto';
  cfg.nodeJSExecutablePath = 'C:\\BizagiJEE\\nodejs\\0.12.5\\node.exe';
  cfg.forceEnableLogger = false;

  const file = context.configPropertiesPath;
  const props = file ? readProperties(file) : {};
  for (const [key, target] of Object.entries(OVERRIDES)) {
    // Values stay text, as a properties parser gives them (port "16542", forceEnableLogger "true").
    if (Object.hasOwn(props, key) && props[key] !== '') cfg[target] = props[key];
  }
  return cfg;
}

function getConfig() {
  if (!config) config = build();
  return config;
}

module.exports = { getConfig };
