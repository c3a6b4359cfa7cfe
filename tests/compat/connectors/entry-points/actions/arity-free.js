// "Any function, arity irrelevant" (bizagi-compat §5.1): nothing declared, everything read from arguments.
var RESPONSE = require('bz-util').getResponse;

exports.invoke = function () {
  var data = arguments[2];
  var callback = arguments[5];
  callback(RESPONSE({ arity: exports.invoke.length, argumentCount: arguments.length, name: data.inputs.input.name }, null, 200));
};
