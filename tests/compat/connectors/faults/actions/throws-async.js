exports.invoke = function (globals, actionName, data, authenticationType, LOG, callback) {
  setTimeout(function () {
    throw new Error('socket hang up in a handler nobody wrapped');
  }, 5);
};
