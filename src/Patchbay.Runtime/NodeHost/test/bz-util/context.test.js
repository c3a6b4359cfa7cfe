'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const context = require('../../bz-util/context');
const { setUp } = require('./fixture');

test('defaults put autotesting and config.properties two levels above the connector', () => {
  const { root, nodeDir } = setUp();
  assert.equal(context.connectorRoot, root);
  assert.equal(context.autotestingRoot, path.join(nodeDir, 'autotesting'));
  assert.equal(context.configPropertiesPath, path.join(nodeDir, 'config.properties'));
});

test('explicit roots win over the defaults', () => {
  setUp({ configure: { autotestingRoot: '/x/auto', configPropertiesPath: '/x/c.properties' } });
  assert.equal(context.autotestingRoot, '/x/auto');
  assert.equal(context.configPropertiesPath, '/x/c.properties');
});

test('log forwards level and text to the host function', () => {
  const { lines } = setUp();
  context.log('INFO', 'hello');
  assert.deepEqual(lines, [['INFO', 'hello']]);
});

test('log without a host function is a no-op', () => {
  context.configure({ connectorRoot: path.resolve('/tmp/none') });
  assert.doesNotThrow(() => context.log('INFO', 'x'));
});

test('configure rejects a relative or missing connectorRoot and a non-function log', () => {
  assert.throws(() => context.configure({}), TypeError);
  assert.throws(() => context.configure({ connectorRoot: 'rel/path' }), TypeError);
  assert.throws(() => context.configure({ connectorRoot: path.resolve('/a'), log: 'x' }), TypeError);
});

test('configure and _resetForTests run the registered reset hooks', () => {
  let calls = 0;
  context._onReset(() => { calls += 1; });
  setUp();
  context._resetForTests();
  assert.equal(calls, 2);
});
