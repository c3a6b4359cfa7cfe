'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { setUp } = require('./fixture');
const { requiredParameters, isValidGlobalsJson, isValidDataJson } = require('../../bz-util/validator');

test.beforeEach(() => setUp());

function failure(code, message) {
  return {
    response: { outputs: { output: {}, error: {} } },
    success: false,
    connectorstatuscode: code,
    errormessage: message,
    autotestingenabled: false,
  };
}

function success(output) {
  return {
    response: { outputs: { output, error: {} } },
    success: true,
    connectorstatuscode: 200,
    errormessage: '',
    autotestingenabled: false,
  };
}

const INVALID_GLOBALS = failure(-200, 'The -globals- parameter must be a valid JSON');

// requiredParameters
test('requiredParameters returns undefined when every value is present; 0 and false count', () => {
  assert.equal(requiredParameters({ a: 'x', b: 0, c: false, d: ' ', e: [], f: {} }), undefined);
});

test('requiredParameters reports the first of undefined, null or empty string with -400', () => {
  for (const missing of [undefined, null, '']) {
    assert.deepEqual(requiredParameters({ a: 1, b: missing, c: undefined }),
      failure(-400, 'The Parameter -b- is required'));
  }
});

// isValidGlobalsJson
test('the wire sample of §3.2 is valid and parsed into the output', () => {
  const text = '{ "systemproperties": {}, "projectname": "bz", "authdata": { "host": "192.168.0.84", "port": "5000" } }';
  assert.deepEqual(isValidGlobalsJson(text),
    success({ systemproperties: {}, projectname: 'bz', authdata: { host: '192.168.0.84', port: '5000' } }));
});

test('each of authdata, systemproperties, projectname is required (-200)', () => {
  assert.deepEqual(isValidGlobalsJson('{"systemproperties":{},"projectname":"p"}'),
    failure(-200, 'The element -globals.authdata- is required in -globals-'));
  assert.deepEqual(isValidGlobalsJson('{"authdata":{},"projectname":"p"}'),
    failure(-200, 'The element -globals.systemproperties- is required in -globals-'));
  assert.deepEqual(isValidGlobalsJson('{"authdata":{},"systemproperties":{}}'),
    failure(-200, 'The element -globals.projectname- is required in -globals-'));
  assert.deepEqual(isValidGlobalsJson('{"authdata":null,"systemproperties":{},"projectname":"p"}'),
    failure(-200, 'The element -globals.authdata- is required in -globals-'));
});

test('a non-string authdata or systemproperties value invalidates the whole globals', () => {
  for (const value of ['5', 'true', '{}', '[]', 'null']) {
    assert.deepEqual(isValidGlobalsJson(`{"authdata":{"a":${value}},"systemproperties":{},"projectname":"p"}`), INVALID_GLOBALS, value);
    assert.deepEqual(isValidGlobalsJson(`{"authdata":{},"systemproperties":{"a":${value}},"projectname":"p"}`), INVALID_GLOBALS, value);
  }
});

test('authdata and systemproperties must be objects', () => {
  assert.deepEqual(isValidGlobalsJson('{"authdata":"x","systemproperties":{},"projectname":"p"}'), INVALID_GLOBALS);
  assert.deepEqual(isValidGlobalsJson('{"authdata":{},"systemproperties":["a"],"projectname":"p"}'), INVALID_GLOBALS);
});

test('text that is not JSON, not an object, or not a string is invalid', () => {
  for (const input of ['{nope', '', 'null', '5', undefined, { authdata: {} }]) {
    assert.deepEqual(isValidGlobalsJson(input), INVALID_GLOBALS, String(input));
  }
});

test('real control characters are deleted from the raw text, between tokens and inside strings', () => {
  const text = '{\n\t"authdata": {"user": "a\tb\u000bc\u0008d\u000ce"},\r\n\t"systemproperties": {},\n\t"projectname": "p\tq"\n}';
  assert.deepEqual(isValidGlobalsJson(text).response.outputs.output,
    { authdata: { user: 'abcde' }, systemproperties: {}, projectname: 'pq' });
});

test('JSON escapes (backslash + letter) survive the raw pass and are deleted from authdata/systemproperties values', () => {
  const text = '{"authdata":{"k":"a\\nb\\tc\\r\\b\\f\\u000bd"},"systemproperties":{"s":"x\\ny"},"projectname":"p\\nq"}';
  assert.deepEqual(isValidGlobalsJson(text).response.outputs.output,
    { authdata: { k: 'abcd' }, systemproperties: { s: 'xy' }, projectname: 'p\nq' });
});

test('unescape() decodes %XX and %uXXXX in authdata/systemproperties values', () => {
  const text = '{"authdata":{"a":"a%41b","b":"100%25","c":"%u0041%u00e9"},"systemproperties":{"d":"%zz"},"projectname":"%41"}';
  assert.deepEqual(isValidGlobalsJson(text).response.outputs.output,
    { authdata: { a: 'aAb', b: '100%', c: 'Aé' }, systemproperties: { d: '%zz' }, projectname: '%41' });
});

test('control characters go before unescape(), so an encoded %0A newline stays', () => {
  const text = '{"authdata":{"a":"x%0Ay"},"systemproperties":{},"projectname":"p"}';
  assert.equal(isValidGlobalsJson(text).response.outputs.output.authdata.a, 'x\ny');
});

test('a value starting with %7B is rejected as invalid globals', () => {
  assert.deepEqual(isValidGlobalsJson('{"authdata":{"a":"%7B%22x%22%7D"},"systemproperties":{},"projectname":"p"}'), INVALID_GLOBALS);
  assert.deepEqual(isValidGlobalsJson('{"authdata":{},"systemproperties":{"s":"\\n%7Bx"},"projectname":"p"}'), INVALID_GLOBALS);
  assert.equal(isValidGlobalsJson('{"authdata":{"a":"x%7B"},"systemproperties":{},"projectname":"p"}').response.outputs.output.authdata.a, 'x{');
});

test('a URL-encoded globals text is rejected', () => {
  assert.deepEqual(isValidGlobalsJson(encodeURIComponent('{"authdata":{},"systemproperties":{},"projectname":"p"}')), INVALID_GLOBALS);
});

// isValidDataJson
test('the wire sample of §9.2 is valid and parsed into the output', () => {
  const data = '{ "inputs": { "input": {"username":"user1","password":"123456","readOnly":false,"database":"analitico"} } }';
  assert.deepEqual(isValidDataJson({ data }),
    success({ inputs: { input: { username: 'user1', password: '123456', readOnly: false, database: 'analitico' } } }));
});

test('%25 becomes % and %u0041 becomes A in input values, at any depth', () => {
  const data = '{"inputs":{"input":{"a":"50%25","b":"%u0041","list":["%41",{"deep":"%u0042"}],"n":5,"%41":"key kept"}}}';
  assert.deepEqual(isValidDataJson({ data }).response.outputs.output,
    { inputs: { input: { a: '50%', b: 'A', list: ['A', { deep: 'B' }], n: 5, '%41': 'key kept' } } });
});

test('data: raw control characters and escaped ones are both deleted from values', () => {
  const data = '{\n  "inputs": {\r\n    "input": {"raw": "a\tb", "escaped": "c\\nd\\te"}\n  }\n}';
  assert.deepEqual(isValidDataJson({ data }).response.outputs.output,
    { inputs: { input: { raw: 'ab', escaped: 'cde' } } });
});

test('invalid data names the parameter (-200)', () => {
  assert.deepEqual(isValidDataJson({ data: '{oops' }), failure(-200, 'The -data- parameter must be a valid JSON'));
  assert.deepEqual(isValidDataJson({ body: 42 }), failure(-200, 'The -body- parameter must be a valid JSON'));
});

test('a data value starting with %7B is rejected', () => {
  assert.deepEqual(isValidDataJson({ data: '{"inputs":{"input":{"q":"%7B%7D"}}}' }),
    failure(-200, 'The -data- parameter must be a valid JSON'));
});
