var RESPONSE = require('bz-util').getResponse;

function invoke(globals, actionName, data, authenticationType, LOG, callback) {
  callback(RESPONSE({ style: 'sync', n: data.inputs.input.n }, null, 200));
}

exports.invoke = invoke;
