'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { setUp, write } = require('./fixture');
const { loadModule, cleanModuleCache, cleanAllModulesCache } = require('../../bz-util/loadModule');

const COUNTER = 'global.loads = (global.loads || 0) + 1; module.exports = { id: Symbol("m") };';

test.beforeEach(() => { global.loads = 0; });

test('loadModule memoises require() by the exact path string', () => {
  const { root } = setUp({ files: { 'lib/m.js': COUNTER } });
  const file = path.join(root, 'lib', 'm.js');
  const first = loadModule(file);
  assert.equal(loadModule(file), first);
  assert.equal(global.loads, 1);
});

test('cleanModuleCache drops one entry but Node\'s require.cache still returns the same module', () => {
  const { root } = setUp({ files: { 'lib/m.js': COUNTER } });
  const file = path.join(root, 'lib', 'm.js');
  const first = loadModule(file);
  cleanModuleCache(file);
  assert.equal(loadModule(file), first);
  assert.equal(global.loads, 1);
  assert.ok(require.cache[file]);
});

test('cleanAllModulesCache clears the map, not require.cache', () => {
  const { root } = setUp({ files: { 'lib/a.js': COUNTER, 'lib/b.js': COUNTER } });
  const a = path.join(root, 'lib', 'a.js');
  const b = path.join(root, 'lib', 'b.js');
  loadModule(a);
  loadModule(b);
  cleanAllModulesCache();
  assert.ok(require.cache[a] && require.cache[b]);
  delete require.cache[a];
  loadModule(a);
  loadModule(b);
  assert.equal(global.loads, 3, 'only the module dropped from require.cache is evaluated again');
});

test('different spellings of a path are different cache keys', () => {
  const { root } = setUp({ files: { 'lib/m.js': COUNTER } });
  const withExt = path.join(root, 'lib', 'm.js');
  const withoutExt = path.join(root, 'lib', 'm');
  loadModule(withExt);
  delete require.cache[withExt];
  assert.notEqual(loadModule(withoutExt), loadModule(withExt));
});

test('a failing require is not cached', () => {
  const { root } = setUp();
  const file = path.join(root, 'lib', 'late.js');
  assert.throws(() => loadModule(file), { code: 'MODULE_NOT_FOUND' });
  write(root, { 'lib/late.js': 'module.exports = 7;' });
  assert.equal(loadModule(file), 7);
});
