'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { formatMessage, paramText } = require('../../bz-util/format');

test('paramText: objects, arrays and Errors are JSON; a plain Error is {}', () => {
  assert.equal(paramText({ a: 1 }), '{a:1}');
  assert.equal(paramText([1, 'x']), '[1,x]');
  assert.equal(paramText(new Error('e')), '{}');
  assert.equal(paramText(new Date(0)), '1970-01-01T00:00:00.000Z');
});

test('paramText: primitives use String(); null and undefined become words', () => {
  assert.equal(paramText(null), 'null');
  assert.equal(paramText(undefined), 'undefined');
  assert.equal(paramText(12.5), '12.5');
  assert.equal(paramText(false), 'false');
});

test('paramText: removes " and \', turns \\ into /', () => {
  assert.equal(paramText('it\'s "x" C:\\a\\b'), 'its x C:/a/b');
  assert.equal(paramText({ path: 'C:\\a' }), '{path:C://a}');
});

test('paramText: a string inside an object keeps its escaped line break as /n', () => {
  assert.equal(paramText({ m: 'a\nb' }), '{m:a/nb}');
});

test('formatMessage follows util.format: missing args stay, extra args are appended', () => {
  assert.equal(formatMessage('%s and %s', ['a']), 'a and %s');
  assert.equal(formatMessage('%s', ['a', 'b', 'c']), 'a b c');
  assert.equal(formatMessage('100%% %s', ['x']), '100% x');
  assert.equal(formatMessage('%d items', ['3']), '3 items');
});

test('formatMessage: line breaks in parameters and template become one space each', () => {
  assert.equal(formatMessage('a\nb %s', ['c\r\nd\re']), 'a b c d e');
});
