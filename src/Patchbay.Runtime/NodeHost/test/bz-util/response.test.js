'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { setUp, AUTOTESTING_ON } = require('./fixture');
const { getResponse } = require('../../bz-util/response');

function envelope(output, error, success, code, message, autotesting = false) {
  return {
    response: { outputs: { output, error } },
    success,
    connectorstatuscode: code,
    errormessage: message,
    autotestingenabled: autotesting,
  };
}

test.beforeEach(() => setUp());

// The five examples of bizagi-compat.md §6.1.
test('getResponse({a:1}, null, 200)', () => {
  assert.deepEqual(getResponse({ a: 1 }, null, 200), envelope({ a: 1 }, {}, true, 200, ''));
});

test("getResponse('{\"b\":2}') parses the string and defaults to 200", () => {
  assert.deepEqual(getResponse('{"b":2}'), envelope({ b: 2 }, {}, true, 200, ''));
});

test("getResponse('notjson', null, 200) reports [object Object] and keeps code 200", () => {
  assert.deepEqual(getResponse('notjson', null, 200),
    envelope({}, {}, false, 200, 'The response must be a valid JSON: [object Object]'));
});

test('getResponse(null, {error,message,status}, 400) fails with the error as message', () => {
  const error = { error: 'x', message: 'm', status: 400 };
  assert.deepEqual(getResponse(null, error, 400),
    envelope({}, error, false, 400, '{"error":"x","message":"m","status":400}'));
});

test("getResponse(null, null, -400, 'boom')", () => {
  assert.deepEqual(getResponse(null, null, -400, 'boom'), envelope({}, {}, false, -400, 'boom'));
});

// Quirks.
test('arrays are kept as arrays', () => {
  assert.deepEqual(getResponse([1, 2], null, 200).response.outputs.output, [1, 2]);
  assert.deepEqual(getResponse('[3]').response.outputs.output, [3]);
});

test('an Error instance as error does not flip success and serialises as {}', () => {
  const boom = new Error('boom');
  const result = getResponse({ a: 1 }, boom);
  assert.equal(result.success, true);
  assert.equal(result.connectorstatuscode, 200);
  assert.equal(result.errormessage, '');
  assert.equal(result.response.outputs.error, boom);
  assert.equal(JSON.stringify(result.response.outputs.error), '{}');
});

test('an unparsable error string gives its own [object Object] message', () => {
  assert.deepEqual(getResponse(null, 'nope'),
    envelope({}, {}, false, -200, 'The error must be a valid JSON: [object Object]'));
});

test('a JSON error string is parsed and fails the call', () => {
  assert.deepEqual(getResponse(null, '{"e":1}'), envelope({}, { e: 1 }, false, -200, '{"e":1}'));
});

test('falsy code becomes 200 on success and -200 on failure', () => {
  for (const code of [undefined, null, 0]) {
    assert.equal(getResponse({}, null, code).connectorstatuscode, 200);
    assert.equal(getResponse({}, null, code, 'bad').connectorstatuscode, -200);
  }
});

test('success is computed independently of the code', () => {
  assert.deepEqual(getResponse({ a: 1 }, null, 400), envelope({ a: 1 }, {}, true, 400, ''));
});

test('an object errorMessage is JSON-stringified, other truthy values use toString()', () => {
  assert.equal(getResponse(null, null, -1, { why: 'x' }).errormessage, '{"why":"x"}');
  assert.equal(getResponse(null, null, -1, 42).errormessage, '42');
  assert.equal(getResponse(null, null, -1, 42).success, false);
});

test('null errorMessage counts as no message', () => {
  assert.deepEqual(getResponse({ a: 1 }, null, 200, null), envelope({ a: 1 }, {}, true, 200, ''));
});

test('an explicit errorMessage beats the error object as message', () => {
  assert.equal(getResponse(null, { e: 1 }, 500, 'text').errormessage, 'text');
});

test('a parse failure replaces the caller errorMessage', () => {
  assert.equal(getResponse('bad', null, 1, 'mine').errormessage, 'The response must be a valid JSON: [object Object]');
});

test('autotestingenabled is true when the three autotesting files exist', () => {
  setUp({ shared: AUTOTESTING_ON });
  assert.equal(getResponse({}).autotestingenabled, true);
});
