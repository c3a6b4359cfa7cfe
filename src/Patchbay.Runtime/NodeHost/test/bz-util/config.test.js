'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { setUp, write } = require('./fixture');
const { getConfig } = require('../../bz-util/config');

function defaults(project) {
  return {
    logsPath: path.join(project, 'Temporary', 'Connectors') + path.sep,
    schema: 'http',
    server: 'localhost',
    port: 16541,
    maxRequestLengthSize: '10mb',
    clusterWorkerNumber: 'auto',
    nodeJSExecutablePath: 'C:\\BizagiJEE\\nodejs\\0.12.5\\node.exe',
    forceEnableLogger: false,
  };
}

test('without etc/config.js or config.properties: the runtime defaults, no throw', () => {
  const { project } = setUp();
  assert.deepEqual(getConfig(), defaults(project));
});

test('etc/config.js keys are kept and the connector object itself is extended', () => {
  const { root, project } = setUp({ files: { 'etc/config.js':
    'module.exports = { logFileName: "conn", levelLog: "debug", logType: "file", enableHttpsVerification: false, port: 1 };' } });
  const config = getConfig();
  assert.equal(config, require(path.join(root, 'etc', 'config')));
  assert.deepEqual({ ...config }, {
    logFileName: 'conn', levelLog: 'debug', logType: 'file', enableHttpsVerification: false,
    ...defaults(project),
  });
});

test('backingDownLogDirectory is resolved from where bz-util sits in the connector', () => {
  const { project } = setUp({ files: { 'etc/config.js':
    'module.exports = { backingDownLogDirectory: "../../../../../../../", backingDownConfigFile: "../../../" };' } });
  assert.equal(getConfig().logsPath, path.join(project, 'Temporary', 'Connectors') + path.sep);
});

test('a broken etc/config.js gives {} plus the defaults and a WARN line', () => {
  const { project, lines } = setUp({ files: { 'etc/config.js': 'syntax error here' } });
  assert.deepEqual(getConfig(), defaults(project));
  assert.equal(lines.length, 1);
  assert.equal(lines[0][0], 'WARN');
  assert.match(lines[0][1], /^bz-util: cannot load etc\/config: /);
});

test('config.properties overrides the listed keys, as text; logsDirectoryPath sets logsPath', () => {
  setUp({ shared: { 'config.properties': [
    '# Bizagi connectors',
    '! another comment',
    '',
    'schema=https',
    'server = example.org',
    'port: 16542',
    'maxRequestLengthSize=50mb',
    'clusterWorkerNumber=2',
    'nodeJSExecutablePath=C:\\\\node\\\\node.exe',
    'forceEnableLogger=true',
    'logsDirectoryPath=D:/logs/',
    'levelLog=TRACE',
    'unknown=ignored',
  ].join('\r\n') } });
  assert.deepEqual(getConfig(), {
    logsPath: 'D:/logs/',
    schema: 'https',
    server: 'example.org',
    port: '16542',
    maxRequestLengthSize: '50mb',
    clusterWorkerNumber: '2',
    nodeJSExecutablePath: 'C:\\node\\node.exe',
    forceEnableLogger: 'true',
  });
});

test('empty property values do not override', () => {
  setUp({ shared: { 'config.properties': 'server=\nport=\n' } });
  assert.equal(getConfig().server, 'localhost');
  assert.equal(getConfig().port, 16541);
});

test('an explicit configPropertiesPath is used', () => {
  const { tmp } = setUp();
  write(tmp, { 'elsewhere.properties': 'server=other' });
  setUp({ configure: { configPropertiesPath: path.join(tmp, 'elsewhere.properties') } });
  assert.equal(getConfig().server, 'other');
});

test('built once, rebuilt after configure()', () => {
  setUp();
  const first = getConfig();
  first.extra = 1;
  assert.equal(getConfig(), first);
  setUp();
  assert.notEqual(getConfig(), first);
  assert.equal(getConfig().extra, undefined);
});
