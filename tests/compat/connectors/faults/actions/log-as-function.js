var RESPONSE = require('bz-util').getResponse;

exports.invoke = function (globals, actionName, data, authenticationType, log, done) {
  var res = RESPONSE({ sent: true }, null, 200);
  log(JSON.stringify(res));
  done(res);
};
