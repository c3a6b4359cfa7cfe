'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { parseProperties } = require('../../bz-util/properties');

test('key/value separators =, : and whitespace', () => {
  assert.deepEqual(parseProperties('a=1\nb:2\nc 3\nd = 4\n  e\t:\t5'), { a: '1', b: '2', c: '3', d: '4', e: '5' });
});

test('# and ! comments and blank lines are skipped', () => {
  assert.deepEqual(parseProperties('# x=1\n  ! y=2\n\n   \nz=3'), { z: '3' });
});

test('a key without value is empty; the value keeps later separators', () => {
  assert.deepEqual(parseProperties('k\nurl=http://h:1/a=b'), { k: '', url: 'http://h:1/a=b' });
});

test('escapes: \\\\, \\t, \\n, \\uXXXX, escaped separators in keys', () => {
  assert.deepEqual(parseProperties('p=C:\\\\Bizagi\\\\x\nt=a\\tb\nu=\\u0041\nk\\=ey=v\nplain=C:\\Bizagi'),
    { p: 'C:\\Bizagi\\x', t: 'a\tb', u: 'A', 'k=ey': 'v', plain: 'C:Bizagi' });
});

test('a trailing backslash continues the line; leading spaces of the next line are dropped', () => {
  assert.deepEqual(parseProperties('list=a,\\\n    b,\\\r\n  c\nnext=\\\\\n'), { list: 'a,b,c', next: '\\' });
});

test('trailing whitespace is dropped from values; CRLF and CR line ends', () => {
  assert.deepEqual(parseProperties('port=16541  \r\nx=1\ry=2'), { port: '16541', x: '1', y: '2' });
});
