'use strict';
// Per-connector facts for bz-util. One worker process serves one connector, so this is a
// process-wide singleton that the host fills once, before any connector code is loaded.
const path = require('node:path');

let state = null;
const resetHooks = [];

function configure(options) {
  const { connectorRoot, autotestingRoot, configPropertiesPath, log } = options || {};
  if (typeof connectorRoot !== 'string' || !path.isAbsolute(connectorRoot)) {
    throw new TypeError('bz-util context: connectorRoot must be an absolute path');
  }
  if (log !== undefined && typeof log !== 'function') {
    throw new TypeError('bz-util context: log must be a function (level, text)');
  }
  // Defaults mirror Bizagi's layout: <node>/<folder>/<version> with autotesting/ and
  // config.properties two levels up (bizagi-compat.md §9.1).
  state = {
    connectorRoot,
    autotestingRoot: autotestingRoot || path.join(connectorRoot, '..', '..', 'autotesting'),
    configPropertiesPath: configPropertiesPath || path.join(connectorRoot, '..', '..', 'config.properties'),
    log: log || null,
  };
  // Caches built from the previous connector's files would be wrong for the new one.
  _resetForTests();
}

function log(level, text) {
  if (state && state.log) state.log(level, text);
}

// Clears every cache bz-util built from connector files (catalog, config, loggers, modules).
function _resetForTests() {
  for (const hook of resetHooks) hook();
}

// Internal: modules holding caches register how to drop them.
function _onReset(hook) {
  resetHooks.push(hook);
}

module.exports = {
  configure,
  get connectorRoot() { return state ? state.connectorRoot : undefined; },
  get autotestingRoot() { return state ? state.autotestingRoot : undefined; },
  get configPropertiesPath() { return state ? state.configPropertiesPath : undefined; },
  log,
  _resetForTests,
  _onReset,
};
