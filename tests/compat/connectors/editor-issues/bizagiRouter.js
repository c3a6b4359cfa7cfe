// The router every Editor-built connector carries (bizagi-compat 9.4), written here from the contract's description.
var path = require('path');
var bizagiUtil = require('bz-util');
var config = require('./etc/config');
var RESPONSE = bizagiUtil.getResponse;
var ERROR = bizagiUtil.error;

exports.invokeAction = function (globals, actionName, data, authenticationType, callback, enableLog) {
  try {
    if (actionName in require('./actions')) {
      var action = bizagiUtil.loadModule(path.join(__dirname, 'actions', actionName));
      var LOG = bizagiUtil.LOG(globals.projectname + '-' + config.logFileName, String(enableLog) === 'true');
      action.invoke(globals, actionName, data, authenticationType, LOG, callback);
    } else {
      callback(RESPONSE(null, null, -400, ERROR('GLB.UNKNOW_ACTION', [actionName])));
    }
  } catch (e) {
    callback(RESPONSE(null, null, -400, ERROR('GLB.EXCEPTION', [e.message, e, config.logFileName + '.bizagiRouter.invokeAction'])));
  }
};

exports.authenticator = function (globals, callback, enableLog) {
  try {
    var LOG = bizagiUtil.LOG(globals.projectname + '-' + config.logFileName, String(enableLog) === 'true');
    bizagiUtil.loadModule(path.join(__dirname, 'auth', 'auth')).invoke(globals, LOG, callback);
  } catch (e) {
    callback(RESPONSE(null, null, -400, ERROR('GLB.EXCEPTION', [e.message, e, config.logFileName + '.bizagiRouter.authenticator'])));
  }
};

exports.cleanAllModulesCache = function (globals, callback, enableLog) {
  bizagiUtil.cleanAllModulesCache();
  callback(RESPONSE({ cleaned: true }, null, 200));
};
