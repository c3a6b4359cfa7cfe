exports.invoke = function (globals, actionName, data, authenticationType, LOG, callback) {
  callback(require('bz-util').getResponse({ ok: true }, null, 200));
};
