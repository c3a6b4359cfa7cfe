// Runs the example an invocation names and answers with what it gave: {value, type}, or {thrown} when it threw.
var RESPONSE = require('bz-util').getResponse;

function thrown(e) {
  if (e instanceof Error) {
    return { code: e.code, message: String(e.message).split('\n')[0] };
  }
  return e; // bz-util throws getResponse objects too (LOG without a project name)
}

module.exports = function (examples) {
  return function invoke(globals, actionName, data, authenticationType, LOG, callback) {
    var name = data.inputs.input.example;
    if (!Object.prototype.hasOwnProperty.call(examples, name)) {
      return callback(RESPONSE(null, null, -400, 'No example ' + name + ' in ' + actionName));
    }
    var value;
    try {
      value = examples[name](LOG, globals);
    } catch (e) {
      return callback(RESPONSE({ thrown: thrown(e) }, null, 200));
    }
    callback(RESPONSE({ value: value, type: typeof value }, null, 200));
  };
};
