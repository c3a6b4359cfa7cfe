'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { render, renderArgs } = require('../../bz-util/message');

test('array: parts glued without separators; Error -> message, object -> JSON, primitive -> String', () => {
  assert.equal(render(['a', 1, true, { b: [2] }, new Error('boom'), null, undefined]), 'a1true{"b":[2]}boomnullundefined');
});

test('empty array renders "undefined"', () => {
  assert.equal(render([]), 'undefined');
});

test('single object is JSON, so a lone Error is {}', () => {
  assert.equal(render({ a: 'b' }), '{"a":"b"}');
  assert.equal(render(new Error('lost')), '{}');
  assert.equal(render(null), 'null');
});

test('primitives use String()', () => {
  assert.equal(render('text'), 'text');
  assert.equal(render(3.5), '3.5');
  assert.equal(render(undefined), 'undefined');
  assert.equal(render(Symbol('s')), 'Symbol(s)');
});

test('circular objects do not throw', () => {
  const loop = {};
  loop.loop = loop;
  assert.equal(render(loop), '[object Object]');
  assert.equal(render([loop]), '[object Object]');
});

test('renderArgs: one argument as is, several as one array, none as undefined', () => {
  assert.equal(renderArgs([{ a: 1 }]), '{"a":1}');
  assert.equal(renderArgs(['a', { b: 1 }]), 'a{"b":1}');
  assert.equal(renderArgs([]), 'undefined');
});
