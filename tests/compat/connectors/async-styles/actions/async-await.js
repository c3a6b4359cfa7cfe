// ES2017 as public connectors write it (bizagi-compat §5.1, §7): the returned promise is not the answer, the callback is.
const RESPONSE = require('bz-util').getResponse;
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function invoke(globals, actionName, data, authenticationType, LOG, callback) {
  await delay(10);
  const { n } = data.inputs.input;
  callback(RESPONSE({ style: `async ${actionName}`, n: n * 2 }, null, 200));
  return 'this value is ignored';
}

exports.invoke = invoke;
