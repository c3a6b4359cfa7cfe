'use strict';
// The call sequence of one invocation (bizagi-compat §9.4, §12.4): the authenticator first, its output
// merged into globals.authdata, then the action's invoke(globals, actionName, data, authenticationType, LOG, callback).
const path = require('path');

exports.create = function (connectorRoot, bizagiUtil) {
  const RESPONSE = bizagiUtil.getResponse;
  const ERROR = bizagiUtil.error;
  const logFileName = readLogFileName(connectorRoot);
  const actionsIndex = path.join(connectorRoot, 'actions');

  function exception(e, where) {
    const error = e instanceof Error ? e : new Error(String(e));
    return RESPONSE(null, null, -400, ERROR('GLB.EXCEPTION', [error.message, error, logFileName + '.bizagiRouter.' + where]));
  }

  // Runs fn(callback) and answers exactly once with an envelope: thrown errors and rejected promises become -400.
  function guarded(where, fn, answer) {
    try {
      const returned = fn(answer);
      if (returned && typeof returned.then === 'function') {
        returned.then(undefined, (e) => answer(exception(e, where)));
      }
    } catch (e) {
      answer(exception(e, where));
    }
  }

  return function invoke(frame, reply, remember) {
    const globals = frame.globals;
    const LOG = bizagiUtil.LOG(globals.projectname + '-' + logFileName, String(frame.log) === 'true');
    const runAction = () => {
      if (!Object.prototype.hasOwnProperty.call(require(actionsIndex), frame.action)) {
        return reply(RESPONSE(null, null, -400, ERROR('GLB.UNKNOW_ACTION', [frame.action])), 'action');
      }
      guarded('invokeAction', (callback) => {
        const action = bizagiUtil.loadModule(path.join(connectorRoot, 'actions', frame.action));
        return action.invoke(globals, frame.action, frame.data, frame.authenticationType, LOG, callback);
      }, (response) => reply(envelopeOf(response), 'action'));
    };

    if (frame.auth !== 'custom') {
      return runAction();
    }
    guarded('authenticator', (callback) => {
      const auth = bizagiUtil.loadModule(path.join(connectorRoot, 'auth', 'auth'));
      return auth.invoke(globals, LOG, callback);
    }, once('authenticator', (response) => {
      const envelope = envelopeOf(response);
      if (envelope.success === false) {
        return reply(envelope, 'authentication');
      }
      const output = envelope.response && envelope.response.outputs && envelope.response.outputs.output;
      if (output && typeof output === 'object') {
        Object.assign(globals.authdata, output);
        remember(output);
      }
      runAction();
    }));
  };

  // A second callback from the authenticator must not run the action twice.
  function once(where, fn) {
    let called = false;
    return (response) => {
      if (called) {
        process.stderr.write('patchbay: the ' + where + ' called back more than once; the later call was ignored\n');
        return;
      }
      called = true;
      fn(response);
    };
  }

  // Callbacks may pass a getResponse object or its JSON text (bizagi-compat §5.1).
  function envelopeOf(response) {
    if (typeof response === 'string') {
      try {
        response = JSON.parse(response);
      } catch (e) {
        return RESPONSE(null, null, -200, 'The connector called back with text that is not a response: ' + response.slice(0, 200));
      }
    }
    if (!response || typeof response !== 'object') {
      return RESPONSE(null, null, -200, 'The connector called back without a response (' + String(response) + ')');
    }
    return response;
  }
};

function readLogFileName(connectorRoot) {
  try {
    return require(path.join(connectorRoot, 'etc', 'config')).logFileName || path.basename(connectorRoot);
  } catch (e) {
    return path.basename(connectorRoot);
  }
}
