// The Connector Editor's default auth.js (bizagi-compat §2.5), returning a token that the host merges into globals.authdata.
var bizagiUtil = require('bz-util'); var log = bizagiUtil.isLoggerEnabled;
var RESPONSE = bizagiUtil.getResponse;

function invoke(globals, LOG, callback) {
  callback(RESPONSE({ token: 'tok-' + globals.authdata.user }, null, 200));
}

exports.invoke = invoke;
