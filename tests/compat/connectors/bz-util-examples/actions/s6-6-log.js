// bizagi-compat §6.6: LOG(logname, enabled), the logger handed to actions.
var bizagiUtil = require('bz-util');

function shape(logger) {
  return { isEnabled: logger.isEnabled, methods: Object.keys(logger).filter(function (k) { return typeof logger[k] === 'function'; }).sort().join(',') };
}

exports.invoke = require('../lib/examples')({
  'action-logger': function (LOG) { return shape(LOG); },
  'disabled-logger': function () { var logger = bizagiUtil.LOG('bz-examples', false); logger.error('never written'); return shape(logger); },
  'enabled-by-text-true': function () { return shape(bizagiUtil.LOG('bz-examples', 'true')); },
  'same-logger-per-name': function () { return bizagiUtil.LOG('bz-examples', true) === bizagiUtil.LOG('bz-examples', true); },
  'rendering': function (LOG) {
    LOG.info(['a', 1, { b: 2 }, new Error('boom'), null]);
    LOG.info([]);
    LOG.info({ b: 2 });
    LOG.info(42);
    LOG.info(new Error('alone'));
    LOG.warn('warned');
    LOG.error('failed');
    return 'logged';
  },
  'levels-below-levelLog': function (LOG) { LOG.trace('t'); LOG.debug('d'); LOG.info('i'); return 'logged'; },
  'console-left-alone': function (LOG) { console.log('to stdout, not to the log'); LOG.info('only this'); return 'logged'; },
  'no-project-name': function () { return bizagiUtil.LOG('', true); }
});
