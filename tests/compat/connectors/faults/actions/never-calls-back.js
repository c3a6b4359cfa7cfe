exports.invoke = function (globals, actionName, data, authenticationType, LOG, callback) {
  if (data.inputs.input.never !== false) {
    return; // the path a public connector forgot
  }
  callback(require('bz-util').getResponse({}, null, 200));
};
