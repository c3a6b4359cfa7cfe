// bizagi-compat §6.4: loadModule memoises by path; the clean functions empty its map, not Node's require cache.
var path = require('path');
var bizagiUtil = require('bz-util');

function counter(name) { return path.join(__dirname, '..', 'lib', 'counter-' + name); }

exports.invoke = require('../lib/examples')({
  'loadModule-memoises': function () {
    var first = bizagiUtil.loadModule(counter('a'));
    var second = bizagiUtil.loadModule(counter('a'));
    return { same: first === second, evaluations: first.evaluations() };
  },
  'cleanModuleCache-then-load': function () {
    var first = bizagiUtil.loadModule(counter('b'));
    bizagiUtil.cleanModuleCache(counter('b'));
    var again = bizagiUtil.loadModule(counter('b'));
    return { same: first === again, evaluations: again.evaluations() };
  },
  'cleanAllModulesCache-then-load': function () {
    var first = bizagiUtil.loadModule(counter('c'));
    bizagiUtil.cleanAllModulesCache();
    var again = bizagiUtil.loadModule(counter('c'));
    return { same: first === again, evaluations: again.evaluations() };
  },
  'loadModule-missing-path': function () { return bizagiUtil.loadModule(path.join(__dirname, 'no-such-module')); }
});
