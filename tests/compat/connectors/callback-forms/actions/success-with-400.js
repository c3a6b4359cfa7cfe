// Seen in public connectors (bizagi-compat §5.5): a failure reported with a code but no error.
var RESPONSE = require('bz-util').getResponse;

exports.invoke = function (globals, actionName, data, authenticationType, LOG, callback) {
  callback(RESPONSE({ form: 'failed softly' }, null, 400));
};
