// A host must rely on the callback, not the return value (bizagi-compat §5.1): this one never calls back.
const RESPONSE = require('bz-util').getResponse;

exports.invoke = async function (globals, actionName, data) {
  return RESPONSE({ style: 'returned', n: data.inputs.input.n }, null, 200);
};
