'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { removeControlChars, cleanValue, cleanDeep, RejectedValue } = require('../../bz-util/clean');

test('removeControlChars deletes \\b \\f \\n \\r \\t \\v and nothing else', () => {
  assert.equal(removeControlChars('a\bb\fc\nd\re\tf\vg\u0000h\\ni'), 'abcdefg\u0000h\\ni');
});

test('cleanValue deletes control characters, then unescape()s', () => {
  assert.equal(cleanValue('a%41b'), 'aAb');
  assert.equal(cleanValue('%25'), '%');
  assert.equal(cleanValue('%u0041'), 'A');
  assert.equal(cleanValue('x\ty%0A'), 'xy\n');
});

test('cleanValue rejects a value starting with %7B (after control characters are deleted)', () => {
  assert.throws(() => cleanValue('%7B%7D'), RejectedValue);
  assert.throws(() => cleanValue('\t%7B'), RejectedValue);
  assert.equal(cleanValue('%7b'), '{', 'only the upper-case spelling is checked');
});

test('cleanDeep cleans string leaves of objects and arrays, leaves other values and keys', () => {
  assert.deepEqual(cleanDeep({ '%41': ['%42', { c: 'd\ne' }], n: 1, b: true, z: null }),
    { '%41': ['B', { c: 'de' }], n: 1, b: true, z: null });
});
