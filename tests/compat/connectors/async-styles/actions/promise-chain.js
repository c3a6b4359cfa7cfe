var RESPONSE = require('bz-util').getResponse;

exports.invoke = function (globals, actionName, data, authenticationType, LOG, callback) {
  return Promise.resolve(data.inputs.input.n)
    .then(function (n) { return n + 1; })
    .then(function (n) { callback(RESPONSE({ style: 'promise', n: n }, null, 200)); });
};
