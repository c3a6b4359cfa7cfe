'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { setUp } = require('./fixture');
const { LOG } = require('../../bz-util/logger');
const { getConfig } = require('../../bz-util/config');

function withLevel(levelLog) {
  return setUp({ files: { 'etc/config.js': `module.exports = { levelLog: ${JSON.stringify(levelLog)} };` } });
}

const METHODS = ['debug', 'error', 'info', 'warn', 'trace'];

test('disabled unless enabled is true or "true"', () => {
  const { lines } = setUp();
  for (const enabled of [false, undefined, null, 'false', 'TRUE', 1, 'yes']) {
    const logger = LOG('proj-conn', enabled);
    assert.equal(logger.isEnabled, false, String(enabled));
    for (const method of METHODS) logger[method]('x');
  }
  assert.deepEqual(lines, []);
});

test('every disabled call returns one shared no-op logger without fatal', () => {
  setUp();
  const a = LOG('a', false);
  assert.equal(LOG('b', 'false'), a);
  assert.deepEqual(Object.keys(a), [...METHODS, 'isEnabled']);
  assert.equal(a.fatal, undefined);
});

test('disabled does not check the log name', () => {
  setUp();
  assert.equal(LOG('', false).isEnabled, false);
});

test('true and "true" enable it; methods debug/error/info/warn/trace, no fatal, isEnabled true', () => {
  setUp();
  for (const enabled of [true, 'true']) {
    const logger = LOG('proj-conn', enabled);
    assert.equal(logger.isEnabled, true);
    for (const method of METHODS) assert.equal(typeof logger[method], 'function');
    assert.equal(logger.fatal, undefined);
  }
});

test('forceEnableLogger "true" from config.properties forces it on', () => {
  setUp({ shared: { 'config.properties': 'forceEnableLogger=true\n' } });
  assert.equal(LOG('p-c', false).isEnabled, true);
});

test('forceEnableLogger true (boolean) in config forces it on', () => {
  setUp();
  getConfig().forceEnableLogger = true;
  assert.equal(LOG('p-c', undefined).isEnabled, true);
});

test('enabled with an empty log name throws the error response object', () => {
  setUp();
  for (const name of ['', undefined, null]) {
    assert.throws(() => LOG(name, true), (thrown) => {
      assert.deepEqual(thrown, {
        response: { outputs: { output: {}, error: {} } },
        success: false,
        connectorstatuscode: -400,
        errormessage: 'The Parameter -globals.projectname- is required',
        autotestingenabled: false,
      });
      return true;
    });
  }
});

test('one logger per log name', () => {
  setUp();
  assert.equal(LOG('a', true), LOG('a', 'true'));
  assert.notEqual(LOG('a', true), LOG('b', true));
});

test('lines go to context.log with the upper-case level name', () => {
  const { lines } = withLevel('TRACE');
  const logger = LOG('p-c', true);
  for (const method of METHODS) logger[method](method + ' text');
  assert.deepEqual(lines, [
    ['DEBUG', 'debug text'], ['ERROR', 'error text'], ['INFO', 'info text'], ['WARN', 'warn text'], ['TRACE', 'trace text'],
  ]);
});

test('message rendering of §6.6', () => {
  const { lines } = setUp();
  const logger = LOG('p-c', true);
  logger.info(['a', 1, { b: 2 }, new Error('boom'), null, undefined, [3]]);
  logger.info([]);
  logger.info({ x: 1 });
  logger.info(new Error('alone'));
  logger.info(42);
  logger.info(undefined);
  logger.info(null);
  assert.deepEqual(lines.map((l) => l[1]),
    ['a1{"b":2}boomnullundefined[3]', 'undefined', '{"x":1}', '{}', '42', 'undefined', 'null']);
});

test('several arguments are rendered like one array', () => {
  const { lines } = setUp();
  LOG('p-c', true).info('id=', 7, { a: 1 });
  assert.deepEqual(lines, [['INFO', 'id=7{"a":1}']]);
});

test('default level is INFO', () => {
  const { lines } = setUp();
  const logger = LOG('p-c', true);
  for (const method of METHODS) logger[method](method);
  assert.deepEqual(lines.map((l) => l[0]), ['ERROR', 'INFO', 'WARN']);
});

test('levelLog filters with TRACE < DEBUG < INFO < WARN < ERROR < FATAL, case-insensitive', () => {
  const cases = {
    trace: ['DEBUG', 'ERROR', 'INFO', 'WARN', 'TRACE'],
    Debug: ['DEBUG', 'ERROR', 'INFO', 'WARN'],
    INFO: ['ERROR', 'INFO', 'WARN'],
    warn: ['ERROR', 'WARN'],
    ERROR: ['ERROR'],
    fatal: [],
    verbose: ['ERROR', 'INFO', 'WARN'],
  };
  for (const [levelLog, expected] of Object.entries(cases)) {
    const { lines } = withLevel(levelLog);
    const logger = LOG('p-c', true);
    for (const method of METHODS) logger[method](method);
    assert.deepEqual(lines.map((l) => l[0]), expected, levelLog);
  }
});

test('the logger is an object: calling LOG\'s result as a function throws', () => {
  setUp();
  const log = LOG('p-c', true);
  assert.throws(() => log('x'), TypeError);
  assert.throws(() => LOG('p-c', false)('x'), TypeError);
});

test('the console is never replaced', () => {
  const { lines } = setUp();
  const before = { ...console };
  LOG('p-c', true).info('x');
  for (const key of ['log', 'info', 'warn', 'error', 'debug']) assert.equal(console[key], before[key]);
  assert.equal(lines.length, 1);
});
