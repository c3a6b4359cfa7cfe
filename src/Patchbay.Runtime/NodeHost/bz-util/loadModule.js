'use strict';
// bz-util's own module cache (bizagi-compat.md §6.4): require() memoised by the exact path
// string. Cleaning it does not touch Node's require.cache, so a cleaned module that is loaded
// again comes back as the same, already-evaluated object; that is the original's behaviour.
const context = require('./context');

const modules = new Map();
context._onReset(() => modules.clear());

function loadModule(modulePath) {
  if (modules.has(modulePath)) return modules.get(modulePath);
  const loaded = require(modulePath); // a failed require is not cached
  modules.set(modulePath, loaded);
  return loaded;
}

function cleanModuleCache(modulePath) {
  modules.delete(modulePath);
}

function cleanAllModulesCache() {
  modules.clear();
}

module.exports = { loadModule, cleanModuleCache, cleanAllModulesCache };
