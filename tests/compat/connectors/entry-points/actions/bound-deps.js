// bz-cli's template and bz-mongo (bizagi-compat §5.1): dependencies bound first, the logger and callback under other names.
var RESPONSE = require('bz-util').getResponse;

function run(deps, globals, actionName, data, authenticationType, logger, done) {
  done(RESPONSE({
    greeting: deps.greeting + ', ' + data.inputs.input.name,
    actionName: actionName,
    authenticationType: authenticationType
  }, null, 200));
}

exports.invoke = run.bind(null, { greeting: 'Hello' });
