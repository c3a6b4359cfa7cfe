'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { setUp } = require('./fixture');
const { error, DEFAULTS } = require('../../bz-util/error');

test.beforeEach(() => setUp());

test('default catalog has the exact texts of bizagi-compat.md §6.2', () => {
  assert.deepEqual({ ...DEFAULTS }, {
    'GLB.EXCEPTION': 'Exception Error, %s, %s, location: %s',
    'GLB.IS_NOT_A': '%s is not a %s',
    'GLB.IS_NOT_AN': '%s is not an %s',
    'GLB.UNKNOW_ACTION': 'Unknown action: %s',
    'GLB.RESOURCE_REDIRECT': 'Server is requesting the client to perform a redirect, the HttpCode is: %s',
    'GLB.RESOURCE_NOT_FOUND': 'Resource not found: %s',
    'GLB.RESPONSE_ERROR': 'An error was obtained by processing the request, the HttpCode is : %s, the server response was: %s',
    'VAL.REQUIRED_PARAM': 'The Parameter -%s- is required',
    'VAL.REQUIRED_ELEMENT': 'The element -%s- is required in -%s-',
    'VAL.REQUIRED_PARAMS': 'The Parameters are required: %s',
    'VAL.PARAM_TYPE': 'The -%s- parameter must be a valid %s',
  });
});

test('formats parameters into the template', () => {
  assert.equal(error('GLB.UNKNOW_ACTION', ['x']), 'Unknown action: x');
  assert.equal(error('VAL.REQUIRED_ELEMENT', ['globals.authdata', 'globals']),
    'The element -globals.authdata- is required in -globals-');
});

test('unknown code gives an empty string', () => {
  assert.equal(error('NOPE.NOT_THERE', ['x']), '');
  assert.equal(error(undefined), '');
  assert.equal(error('toString'), '');
});

test('missing, non-array or empty parameters give the raw template', () => {
  assert.equal(error('GLB.UNKNOW_ACTION'), 'Unknown action: %s');
  assert.equal(error('GLB.UNKNOW_ACTION', 'x'), 'Unknown action: %s');
  assert.equal(error('GLB.UNKNOW_ACTION', []), 'Unknown action: %s');
});

test('missing arguments leave %s in place', () => {
  assert.equal(error('GLB.EXCEPTION', ['a']), 'Exception Error, a, %s, location: %s');
});

test('GLB.RESPONSE_ERROR with 3 params appends the extra one', () => {
  assert.equal(error('GLB.RESPONSE_ERROR', [500, 'body', 'extra']),
    'An error was obtained by processing the request, the HttpCode is : 500, the server response was: body extra');
});

test('objects and arrays are JSON, an Error is {}, null is "null"; quotes removed, \\ becomes /', () => {
  assert.equal(error('GLB.IS_NOT_A', [{ a: 'b' }, [1, 'two']]), '{a:b} is not a [1,two]');
  assert.equal(error('GLB.IS_NOT_A', [new Error('boom'), null]), '{} is not a null');
  assert.equal(error('GLB.RESOURCE_NOT_FOUND', ['C:\\dir\\"file\'s"']), 'Resource not found: C:/dir/files');
});

test('GLB.EXCEPTION with a MODULE_NOT_FOUND-style multi-line message gives the exact single-line text', () => {
  const e = new Error("Cannot find module 'node-rest-client'\nRequire stack:\n- C:\\conn\\actions\\get.js\n- /conn/bizagiRouter.js");
  e.code = 'MODULE_NOT_FOUND';
  assert.equal(error('GLB.EXCEPTION', [e.message, e, 'conn.bizagiRouter.invokeAction']),
    'Exception Error, Cannot find module node-rest-client Require stack: - C:/conn/actions/get.js - /conn/bizagiRouter.js, ' +
    '{code:MODULE_NOT_FOUND}, location: conn.bizagiRouter.invokeAction');
});

// Node's MODULE_NOT_FOUND errors carry enumerable code and requireStack, so unlike a plain Error
// they do not stringify to {}.
test('GLB.EXCEPTION with a real Node 20 MODULE_NOT_FOUND error does not throw', () => {
  let caught;
  try {
    require('/no/such/dir/node-rest-client');
  } catch (e) {
    caught = e;
  }
  assert.match(caught.message, /\n/);
  const text = error('GLB.EXCEPTION', [caught.message, caught, 'loc']);
  assert.doesNotMatch(text, /[\r\n]/);
  assert.ok(text.startsWith('Exception Error, Cannot find module /no/such/dir/node-rest-client Require stack: - '));
  assert.ok(text.includes(', {code:MODULE_NOT_FOUND,requireStack:[' + __filename));
  assert.ok(text.endsWith(']}, location: loc'));
});

test('each line break style becomes a single space', () => {
  assert.equal(error('GLB.IS_NOT_A', ['a\r\nb\nc\rd', 'e\n\nf']), 'a b c d is not a e  f');
});

test('connector etc/errors.js adds codes but cannot override defaults', () => {
  setUp({ files: { 'etc/errors.js':
    'module.exports = { "APP.NO_USER": "User %s not found", "GLB.EXCEPTION": "custom %s", "APP.NUM": 5 };' } });
  assert.equal(error('APP.NO_USER', ['ann']), 'User ann not found');
  assert.equal(error('APP.NO_USER'), 'User %s not found');
  assert.equal(error('GLB.EXCEPTION', ['a', 'b', 'c']), 'Exception Error, a, b, location: c');
  assert.equal(error('APP.NUM'), '', 'non-text entries are ignored');
});

test('the catalog is loaded once and cached', () => {
  const { root } = setUp({ files: { 'etc/errors.js': 'module.exports = { "APP.A": "a" };' } });
  assert.equal(error('APP.A'), 'a');
  const file = path.join(root, 'etc', 'errors.js');
  fs.writeFileSync(file, 'module.exports = {};');
  delete require.cache[file];
  assert.equal(error('APP.A'), 'a');
});

test('a broken or missing etc/errors.js means defaults only', () => {
  setUp({ files: { 'etc/errors.js': 'this is not javascript' } });
  assert.equal(error('GLB.UNKNOW_ACTION', ['x']), 'Unknown action: x');
  setUp();
  assert.equal(error('APP.A'), '');
});

test('circular objects and functions do not throw', () => {
  const loop = {};
  loop.self = loop;
  assert.equal(error('GLB.IS_NOT_A', [loop, () => 1]), '[object Object] is not a () => 1');
});
