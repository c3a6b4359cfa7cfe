var bizagiUtil = require('bz-util'); var log = bizagiUtil.isLoggerEnabled;
var RESPONSE = bizagiUtil.getResponse;

function invoke(globals, LOG, callback) {
  callback(RESPONSE({ authorizationheader: 'token ' + globals.authdata.TOKEN }, null, 200));
}
exports.invoke = invoke;
