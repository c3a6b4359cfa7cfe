// bizagi-compat §6.5 (and the globals rules of §3.2, the data rules of §5.2).
var validator = require('bz-util').validator;

var GLOBALS = '{ "systemproperties": {}, "projectname": "bz", "authdata": { "host": "192.168.0.84", "port": "5000" } }';

exports.invoke = require('../lib/examples')({
  'requiredParameters-all-present': function () { return validator.requiredParameters({ a: 'x', zero: 0, no: false }); },
  'requiredParameters-first-missing': function () { return validator.requiredParameters({ a: 'x', empty: '', none: null }); },
  'requiredParameters-undefined': function () { return validator.requiredParameters({ a: undefined }); },
  'isValidGlobalsJson-wire-sample': function () { return validator.isValidGlobalsJson(GLOBALS); },
  'isValidGlobalsJson-missing-key': function () { return validator.isValidGlobalsJson('{"systemproperties":{},"projectname":"bz"}'); },
  'isValidGlobalsJson-number-value': function () { return validator.isValidGlobalsJson('{"systemproperties":{"port":5000},"projectname":"bz","authdata":{}}'); },
  'isValidGlobalsJson-control-characters': function () { return validator.isValidGlobalsJson('{"systemproperties":{"a":"x\\ty"},\n"projectname":"bz","authdata":{"b":"1\\n2"}}'); },
  'isValidGlobalsJson-unescape': function () { return validator.isValidGlobalsJson('{"systemproperties":{"a":"a%41b"},"projectname":"bz","authdata":{"u":"%u0041"}}'); },
  'isValidGlobalsJson-percent-7B': function () { return validator.isValidGlobalsJson('{"systemproperties":{"a":"%7B%22x%22%7D"},"projectname":"bz","authdata":{}}'); },
  'isValidGlobalsJson-not-json': function () { return validator.isValidGlobalsJson('globals'); },
  'isValidDataJson-unescape': function () { return validator.isValidDataJson({ data: '{ "inputs": { "input": { "p": "100%25", "u": "%u0041", "n": 5 } } }' }); },
  'isValidDataJson-not-json': function () { return validator.isValidDataJson({ data: '{ "inputs": ' }); }
});
