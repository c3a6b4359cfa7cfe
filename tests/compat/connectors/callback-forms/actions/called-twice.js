var RESPONSE = require('bz-util').getResponse;

exports.invoke = function (globals, actionName, data, authenticationType, LOG, callback) {
  callback(RESPONSE({ form: 'first' }, null, 200));
  setTimeout(function () { callback(RESPONSE({ form: 'second' }, null, 200)); }, 5);
};
