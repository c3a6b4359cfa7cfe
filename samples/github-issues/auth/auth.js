var bizagiUtil = require('bz-util');
var RESPONSE = bizagiUtil.getResponse;

/**
 * Runs before every action: turns the token parameter into the header the actions send.
 * What goes in the output is merged into globals.authdata.
 */
function invoke(globals, LOG, callback) {
  var missing = bizagiUtil.validator.requiredParameters({ 'authdata.token': globals.authdata.token });
  if (missing) {
    return callback(missing);
  }

  callback(RESPONSE({ authorizationheader: 'Bearer ' + globals.authdata.token }, null, 200));
}

exports.invoke = invoke;
