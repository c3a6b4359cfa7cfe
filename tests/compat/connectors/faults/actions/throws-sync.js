exports.invoke = function (globals, actionName, data, authenticationType, LOG, callback) {
  var id = data.inputs.input.customer.id; // no customer was mapped
  callback(require('bz-util').getResponse({ id: id }, null, 200));
};
