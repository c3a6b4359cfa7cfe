'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { setUp, write, AUTOTESTING_ON } = require('./fixture');
const { loadModule } = require('../../bz-util/loadModule');
const { REQUIRED } = require('../../bz-util/required');

test('REQUIRED loads <connector>/node_modules/<name>', () => {
  const { root } = setUp({ files: { 'node_modules/lib-x/index.js': 'module.exports = "real";' } });
  assert.equal(REQUIRED('lib-x'), 'real');
  assert.equal(loadModule(path.join(root, 'node_modules', 'lib-x')), 'real');
});

test('REQUIRED does not search upwards for node_modules', () => {
  const { nodeDir } = setUp();
  write(nodeDir, { 'node_modules/up-only/index.js': 'module.exports = 1;' });
  write(path.join(nodeDir, 'myconnector'), { 'node_modules/up-only/index.js': 'module.exports = 1;' });
  assert.throws(() => REQUIRED('up-only'), { code: 'MODULE_NOT_FOUND' });
});

test('REQUIRED throws MODULE_NOT_FOUND for an absent module', () => {
  setUp();
  assert.throws(() => REQUIRED('absent'), (e) => e.code === 'MODULE_NOT_FOUND' && /Cannot find module/.test(e.message));
});

test('REQUIRED loads mocks from <connector>/autotesting/<name> in autotesting mode', () => {
  setUp({
    files: { 'node_modules/lib-x/index.js': 'module.exports = "real";', 'autotesting/lib-x.js': 'module.exports = "mock";' },
    shared: AUTOTESTING_ON,
  });
  assert.equal(REQUIRED('lib-x'), 'mock');
});
