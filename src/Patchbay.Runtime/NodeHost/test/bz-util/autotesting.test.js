'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { setUp, write, AUTOTESTING_ON } = require('./fixture');
const autotesting = require('../../bz-util/autotesting');

test('on when the three data files exist in the autotesting folder', () => {
  setUp({ shared: AUTOTESTING_ON });
  assert.equal(autotesting.isAutotestingEnable(), true);
});

test('off when any of the three is missing', () => {
  for (const missing of Object.keys(AUTOTESTING_ON)) {
    const shared = { ...AUTOTESTING_ON };
    delete shared[missing];
    setUp({ shared });
    assert.equal(autotesting.isAutotestingEnable(), false, missing);
  }
});

test('off before the context is configured', () => {
  const { execFileSync } = require('node:child_process');
  const out = execFileSync(process.execPath, ['-e',
    'console.log(require(' + JSON.stringify(require.resolve('../../bz-util/autotesting')) + ').isAutotestingEnable())']);
  assert.equal(out.toString().trim(), 'false');
});

test('uses an explicit autotestingRoot', () => {
  const { tmp } = setUp();
  write(tmp, AUTOTESTING_ON);
  setUp({ configure: { autotestingRoot: path.join(tmp, 'autotesting') } });
  assert.equal(autotesting.isAutotestingEnable(), true);
});

test('getInputData, getOutputData and getErrorData parse their files', () => {
  setUp({ shared: AUTOTESTING_ON });
  assert.deepEqual(autotesting.getInputData(), { in: 1 });
  assert.deepEqual(autotesting.getOutputData(), { out: 2 });
  assert.deepEqual(autotesting.getErrorData(), { err: 3 });
});

test('the getters throw when the file is missing', () => {
  setUp();
  assert.throws(() => autotesting.getInputData(), { code: 'ENOENT' });
});
