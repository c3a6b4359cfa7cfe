// The bzg library's habit (bizagi-compat §5.1).
var RESPONSE = require('bz-util').getResponse;

exports.invoke = function (globals, actionName, data, authenticationType, LOG, done) {
  var res = RESPONSE({ form: 'stringified' }, null, 201);
  done(JSON.stringify(res));
};
