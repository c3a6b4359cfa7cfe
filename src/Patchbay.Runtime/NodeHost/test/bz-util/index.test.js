'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { setUp } = require('./fixture');
const bzUtil = require('../../bz-util');

test('exports exactly the original ten names, in order', () => {
  assert.deepEqual(Object.keys(bzUtil), [
    'getResponse', 'error', 'loadModule', 'cleanAllModulesCache', 'cleanModuleCache',
    'validator', 'config', 'LOG', 'autotesting', 'REQUIRED',
  ]);
});

test('isLoggerEnabled is not exported', () => {
  assert.equal(bzUtil.isLoggerEnabled, undefined);
});

test('validator and autotesting expose their documented functions', () => {
  assert.deepEqual(Object.keys(bzUtil.validator), ['requiredParameters', 'isValidGlobalsJson', 'isValidDataJson']);
  assert.deepEqual(Object.keys(bzUtil.autotesting), ['isAutotestingEnable', 'getInputData', 'getOutputData', 'getErrorData']);
});

test('config is built from the configured connector on first read and then kept', () => {
  setUp({ files: { 'etc/config.js': 'module.exports = { logFileName: "first" };' } });
  const first = bzUtil.config;
  assert.equal(first.logFileName, 'first');
  assert.equal(bzUtil.config, first);
});

test('requiring bz-util before configure() does not read any connector file', () => {
  const { execFileSync } = require('node:child_process');
  const out = execFileSync(process.execPath, ['-e',
    'const b = require(' + JSON.stringify(require.resolve('../../bz-util')) + '); console.log(typeof b.getResponse)']);
  assert.equal(out.toString().trim(), 'function');
});
