var RESPONSE = require('bz-util').getResponse;

exports.invoke = function (globals, actionName, data, authenticationType, LOG, callback) {
  callback(RESPONSE({ form: 'object' }, null, 200));
};
