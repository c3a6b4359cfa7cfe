'use strict';
// bz-util as a connector's bizagiRouter.js uses it (bizagi-compat.md §9.4). The router below is
// written from the documented pseudo-code, not copied from a connector.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { setUp } = require('./fixture');

const BZ_UTIL = JSON.stringify(path.resolve(__dirname, '../../bz-util'));

const ROUTER = `
const path = require('path');
const bizagiUtil = require(${BZ_UTIL});
const config = require('./etc/config');
const RESPONSE = bizagiUtil.getResponse;
const ERROR = bizagiUtil.error;
exports.invokeAction = function (globals, actionName, data, authenticationType, callback, enableLog) {
  try {
    if (actionName in require('./actions')) {
      const action = bizagiUtil.loadModule(path.join(__dirname, 'actions', actionName));
      const LOG = bizagiUtil.LOG(globals.projectname + '-' + config.logFileName, String(enableLog) === 'true');
      action.invoke(globals, actionName, data, authenticationType, LOG, callback);
    } else {
      callback(RESPONSE(null, null, -400, ERROR('GLB.UNKNOW_ACTION', [actionName])));
    }
  } catch (e) {
    callback(RESPONSE(null, null, -400, ERROR('GLB.EXCEPTION', [e.message, e, config.logFileName + '.bizagiRouter.invokeAction'])));
  }
};
exports.cleanAllModulesCache = function (globals, callback) {
  bizagiUtil.cleanAllModulesCache();
  callback(RESPONSE({ cleaned: true }, null, 200));
};
`;

const FILES = {
  'bizagiRouter.js': ROUTER,
  'etc/config.js': 'module.exports = { logFileName: "myconnector", levelLog: "INFO" };',
  'actions.js': 'module.exports = { "get-user": "Gets a user", "uses-missing-lib": "REQUIRED fails" };',
  'actions/get-user.js': `
    const bizagiUtil = require(${BZ_UTIL});
    exports.invoke = function (globals, actionName, data, authenticationType, LOG, callback) {
      LOG.info(['user ', data.inputs.input.id]);
      const lib = bizagiUtil.REQUIRED('fake-lib');
      callback(bizagiUtil.getResponse({ name: lib.nameOf(data.inputs.input.id) }, null, 200));
    };`,
  'actions/uses-missing-lib.js': `
    const bizagiUtil = require(${BZ_UTIL});
    exports.invoke = function (globals, actionName, data, authenticationType, LOG, callback) {
      bizagiUtil.REQUIRED('node-rest-client');
    };`,
  'node_modules/fake-lib/index.js': 'exports.nameOf = (id) => "user-" + id;',
};

const GLOBALS = { authdata: {}, systemproperties: {}, projectname: 'bz' };

function invoke(router, actionName, data, enableLog) {
  let result;
  router.invokeAction(GLOBALS, actionName, data, 'custom', (r) => { result = r; }, enableLog);
  return result;
}

test('an action runs, logs through the context and answers with getResponse', () => {
  const { root, lines } = setUp({ files: FILES });
  const router = require(path.join(root, 'bizagiRouter'));
  assert.deepEqual(invoke(router, 'get-user', { inputs: { input: { id: 7 } } }, true), {
    response: { outputs: { output: { name: 'user-7' }, error: {} } },
    success: true,
    connectorstatuscode: 200,
    errormessage: '',
    autotestingenabled: false,
  });
  assert.deepEqual(lines, [['INFO', 'user 7']]);
});

test('unknown action answers -400 "Unknown action: x"', () => {
  const { root } = setUp({ files: FILES });
  const result = invoke(require(path.join(root, 'bizagiRouter')), 'nope', {}, false);
  assert.equal(result.connectorstatuscode, -400);
  assert.equal(result.errormessage, 'Unknown action: nope');
});

test('REQUIRED of a missing library gives -400 with a one-line GLB.EXCEPTION instead of killing the process', () => {
  const { root } = setUp({ files: FILES });
  const result = invoke(require(path.join(root, 'bizagiRouter')), 'uses-missing-lib', {}, false);
  assert.equal(result.success, false);
  assert.equal(result.connectorstatuscode, -400);
  const missing = path.join(root, 'node_modules', 'node-rest-client').replace(/\\/g, '/');
  assert.ok(result.errormessage.startsWith(`Exception Error, Cannot find module ${missing} Require stack: - `), result.errormessage);
  assert.ok(result.errormessage.endsWith(', location: myconnector.bizagiRouter.invokeAction'));
  assert.doesNotMatch(result.errormessage, /[\r\n]/);
});

test('cleanAllModulesCache answers {cleaned:true}', () => {
  const { root } = setUp({ files: FILES });
  let result;
  require(path.join(root, 'bizagiRouter')).cleanAllModulesCache(GLOBALS, (r) => { result = r; });
  assert.deepEqual(result.response.outputs.output, { cleaned: true });
  assert.equal(result.success, true);
});
