// bizagi-compat §6.3: REQUIRED loads <connector>/node_modules/<name> by absolute path (autotesting: <connector>/autotesting/<name>).
var path = require('path');
var REQUIRED = require('bz-util').REQUIRED;

exports.invoke = require('../lib/examples')({
  'connector-library': function () { var pad = REQUIRED('tiny-pad'); return { kind: pad.kind, padded: pad('7', 3) }; },
  'same-module-as-plain-require': function () { return REQUIRED('tiny-pad') === require('tiny-pad'); },
  'same-module-as-its-absolute-path': function () { return REQUIRED('tiny-pad') === require(path.join(__dirname, '..', 'node_modules', 'tiny-pad')); },
  'absent-module': function () { return REQUIRED('not-installed'); },
  'only-that-folder-not-node-resolution': function () { require('path'); return REQUIRED('path'); }
});
