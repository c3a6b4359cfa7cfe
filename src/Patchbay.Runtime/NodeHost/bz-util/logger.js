'use strict';
// LOG(logname, enabled): the logger handed to actions and authenticators (bizagi-compat.md §6.6).
// Lines go to the host through context.log(level, text); nothing is written to files and the
// console is left alone (the original's log4js replaceConsole is not reproduced).
const context = require('./context');
const { getConfig } = require('./config');
const { requiredParameters } = require('./validator');
const { renderArgs } = require('./message');

// log4js order, lowest first.
const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
const METHODS = ['debug', 'error', 'info', 'warn', 'trace']; // no fatal, as in the original

const noop = () => {};
const disabledLogger = { debug: noop, error: noop, info: noop, warn: noop, trace: noop, isEnabled: false };

const loggers = new Map();
context._onReset(() => loggers.clear());

function threshold(levelLog) {
  const level = String(levelLog).toUpperCase();
  return LEVELS.includes(level) ? level : 'INFO';
}

function createLogger(minimum) {
  const logger = { isEnabled: true };
  for (const method of METHODS) {
    const level = method.toUpperCase();
    const on = LEVELS.indexOf(level) >= LEVELS.indexOf(minimum);
    logger[method] = on ? (...args) => context.log(level, renderArgs(args)) : noop;
  }
  return logger;
}

function isForced(config) {
  return config.forceEnableLogger === true || config.forceEnableLogger === 'true';
}

function LOG(logname, enabled) {
  const config = getConfig();
  if (String(enabled) !== 'true' && !isForced(config)) return disabledLogger;

  const missing = requiredParameters({ 'globals.projectname': logname });
  // The original throws the error response object itself, not an Error.
  if (missing) throw missing;

  if (!loggers.has(logname)) loggers.set(logname, createLogger(threshold(config.levelLog)));
  return loggers.get(logname);
}

module.exports = { LOG };
