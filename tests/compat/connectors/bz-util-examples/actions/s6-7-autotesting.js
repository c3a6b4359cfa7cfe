// bizagi-compat §6.7: autotesting mode, on when inputData.json, outputData.json and errorData.json all exist.
var bizagiUtil = require('bz-util');

exports.invoke = require('../lib/examples')({
  'isAutotestingEnable': function () { return bizagiUtil.autotesting.isAutotestingEnable(); },
  'data-files': function () {
    var a = bizagiUtil.autotesting;
    return { input: a.getInputData(), output: a.getOutputData(), error: a.getErrorData() };
  },
  'getResponse-flag': function () { return bizagiUtil.getResponse({ a: 1 }, null, 200).autotestingenabled; },
  'REQUIRED-loads-the-mock': function () { var pad = bizagiUtil.REQUIRED('tiny-pad'); return { kind: pad.kind, padded: pad('7', 3) }; }
});
