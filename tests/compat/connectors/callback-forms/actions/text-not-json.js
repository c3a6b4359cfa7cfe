exports.invoke = function (globals, actionName, data, authenticationType, LOG, done) {
  done('done, all good');
};
