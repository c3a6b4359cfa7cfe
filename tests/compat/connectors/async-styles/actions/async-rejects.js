exports.invoke = async function (globals, actionName, data, authenticationType, LOG, callback) {
  await null;
  throw new Error('rejected after ' + data.inputs.input.n + ' steps');
};
