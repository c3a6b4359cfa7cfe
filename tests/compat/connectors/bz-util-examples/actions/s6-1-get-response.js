// bizagi-compat §6.1: the examples of getResponse, then one per step of its algorithm.
var getResponse = require('bz-util').getResponse;

exports.invoke = require('../lib/examples')({
  'example-1-object': function () { return getResponse({ a: 1 }, null, 200); },
  'example-2-json-text': function () { return getResponse('{"b":2}'); },
  'example-3-not-json': function () { return getResponse('notjson', null, 200); },
  'example-4-error-object': function () { return getResponse(null, { error: 'x', message: 'm', status: 400 }, 400); },
  'example-5-message': function () { return getResponse(null, null, -400, 'boom'); },
  'step-2-falsy-response': function () { return getResponse(0, null, 200); },
  'step-2-array': function () { return getResponse([1, 2], null, 200); },
  'step-3-error-not-json': function () { return getResponse(null, 'oops', 500); },
  'step-3-error-instance': function () { return getResponse({ a: 1 }, new Error('hidden'), 200); },
  'step-3-error-json-text': function () { return getResponse(null, '{"error":"E"}', 409); },
  'step-4-message-object': function () { return getResponse(null, null, -400, { why: 'x' }); },
  'step-4-message-number': function () { return getResponse(null, null, -400, 42); },
  'step-5-no-code-success': function () { return getResponse({ a: 1 }); },
  'step-5-no-code-failure': function () { return getResponse(null, { error: 'x' }); },
  'step-5-zero-code-failure': function () { return getResponse(null, null, 0, 'bad'); },
  'step-5-code-kept-on-success': function () { return getResponse({ a: 1 }, null, 400); }
});
