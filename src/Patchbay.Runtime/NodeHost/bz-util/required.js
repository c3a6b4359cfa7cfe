'use strict';
// REQUIRED(name) (bizagi-compat.md §6.3): a library from the connector's own node_modules,
// by absolute path so Node does no upward search. In autotesting mode the connector's
// autotesting/ folder supplies mocks instead.
const path = require('node:path');
const context = require('./context');
const autotesting = require('./autotesting');
const { loadModule } = require('./loadModule');

function REQUIRED(moduleName) {
  const folder = autotesting.isAutotestingEnable() ? 'autotesting' : 'node_modules';
  // Throws Node's MODULE_NOT_FOUND when the module is absent, as the original does.
  return loadModule(path.join(context.connectorRoot, folder, moduleName));
}

module.exports = { REQUIRED };
