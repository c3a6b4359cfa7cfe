// bizagi-compat §6.2: the message catalog, its merge with etc/errors.js and its formatting.
var error = require('bz-util').error;

exports.invoke = require('../lib/examples')({
  'GLB.EXCEPTION': function () { return error('GLB.EXCEPTION'); },
  'GLB.IS_NOT_A': function () { return error('GLB.IS_NOT_A'); },
  'GLB.IS_NOT_AN': function () { return error('GLB.IS_NOT_AN'); },
  'GLB.UNKNOW_ACTION': function () { return error('GLB.UNKNOW_ACTION'); },
  'GLB.RESOURCE_REDIRECT': function () { return error('GLB.RESOURCE_REDIRECT'); },
  'GLB.RESOURCE_NOT_FOUND': function () { return error('GLB.RESOURCE_NOT_FOUND'); },
  'GLB.RESPONSE_ERROR': function () { return error('GLB.RESPONSE_ERROR'); },
  'VAL.REQUIRED_PARAM': function () { return error('VAL.REQUIRED_PARAM'); },
  'VAL.REQUIRED_ELEMENT': function () { return error('VAL.REQUIRED_ELEMENT'); },
  'VAL.REQUIRED_PARAMS': function () { return error('VAL.REQUIRED_PARAMS'); },
  'VAL.PARAM_TYPE': function () { return error('VAL.PARAM_TYPE'); },
  'connector-code-added': function () { return error('MY.GREETING', ['Ada']); },
  'connector-cannot-override': function () { return error('GLB.EXCEPTION', ['a', 'b', 'c']); },
  'unknown-code': function () { return error('NO.SUCH_CODE', ['x']); },
  'parameters-missing': function () { return error('VAL.REQUIRED_PARAM'); },
  'parameters-not-an-array': function () { return error('VAL.REQUIRED_PARAM', 'name'); },
  'parameters-empty': function () { return error('VAL.REQUIRED_PARAM', []); },
  'parameter-object': function () { return error('GLB.IS_NOT_A', [{ a: 1 }, 'number']); },
  'parameter-array': function () { return error('GLB.IS_NOT_AN', [[1, 2], 'object']); },
  'parameter-error-instance': function () { return error('GLB.RESOURCE_NOT_FOUND', [new Error('gone')]); },
  'parameter-null': function () { return error('GLB.RESOURCE_NOT_FOUND', [null]); },
  'parameter-quotes-and-backslashes': function () { return error('GLB.RESOURCE_NOT_FOUND', ['C:\\data\\"it\'s"']); },
  'missing-arguments-leave-placeholders': function () { return error('VAL.REQUIRED_ELEMENT', ['id']); },
  'extra-arguments-appended': function () { return error('GLB.RESPONSE_ERROR', [500, 'body', 'extra']); },
  'parameter-with-a-newline': function () { return error('GLB.EXCEPTION', ['first line\nsecond line', {}, 'here']); }
});
