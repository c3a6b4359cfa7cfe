'use strict';
// Patchbay's bz-util: the helper library Bizagi connectors require (bizagi-compat.md §6).
// The export list is exactly the original's; config is built on first read, after the host has
// called context.configure().
const { getResponse } = require('./response');
const { error } = require('./error');
const { loadModule, cleanAllModulesCache, cleanModuleCache } = require('./loadModule');
const validator = require('./validator');
const { getConfig } = require('./config');
const { LOG } = require('./logger');
const autotesting = require('./autotesting');
const { REQUIRED } = require('./required');

module.exports = {
  getResponse,
  error,
  loadModule,
  cleanAllModulesCache,
  cleanModuleCache,
  validator,
  get config() { return getConfig(); },
  LOG,
  autotesting,
  REQUIRED,
};
