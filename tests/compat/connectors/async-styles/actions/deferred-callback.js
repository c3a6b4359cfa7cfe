var RESPONSE = require('bz-util').getResponse;

function invoke(globals, actionName, data, authenticationType, LOG, callback) {
  setTimeout(function () {
    setImmediate(function () {
      callback(RESPONSE({ style: 'deferred', n: data.inputs.input.n }, null, 200));
    });
  }, 20);
}

exports.invoke = invoke;
