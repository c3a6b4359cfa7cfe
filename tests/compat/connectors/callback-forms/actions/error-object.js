var bizagiUtil = require('bz-util');

exports.invoke = function (globals, actionName, data, authenticationType, LOG, callback) {
  callback(bizagiUtil.getResponse(null, { error: 'NOT_FOUND', message: bizagiUtil.error('GLB.RESOURCE_NOT_FOUND', ['/items/7']), status: 404 }, 404));
};
