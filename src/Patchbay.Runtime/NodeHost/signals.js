'use strict';
// Node's permission model does not cover signals: without this, connector code could process.kill() the hub
// (its parent), another connector's worker or any process of the hub's user, and kill(0)/kill(-1) reach whole
// process groups. Connector code may signal only its own worker. process.kill() sends through process._kill(),
// so guarding that one function covers both; the original stays in this closure, out of the connector's reach.
exports.install = function install() {
  const send = process._kill;
  const guarded = function (pid, signal) {
    if (pid !== process.pid) {
      const error = new Error(`Access to this API has been restricted: connector code may not signal process ${pid}.`);
      error.code = 'ERR_ACCESS_DENIED';
      throw error;
    }
    return send.call(process, pid, signal);
  };
  Object.defineProperty(process, '_kill', { value: guarded, writable: false, configurable: false, enumerable: false });
};
