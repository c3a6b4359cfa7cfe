// The form the Connector Editor pre-creates (bizagi-compat §5.1): a named invoke, exported, with a helper beside it.
var bizagiUtil = require('bz-util');
var RESPONSE = bizagiUtil.getResponse;

function describeLog(LOG) {
  return ['debug', 'info', 'warn', 'error', 'trace'].filter(function (m) { return typeof LOG[m] === 'function'; }).join(',');
}

function invoke(globals, actionName, data, authenticationType, LOG, callback) {
  var input = data.inputs.input;
  callback(RESPONSE({
    actionName: actionName,
    authenticationType: authenticationType,
    projectname: globals.projectname,
    region: globals.systemproperties.region,
    user: globals.authdata.user,
    token: globals.authdata.token,
    name: input.name,
    count: input.count,
    logMethods: describeLog(LOG),
    logEnabled: LOG.isEnabled,
    notInTheOutputTree: true
  }, null, 200));
}

exports.invoke = invoke;
