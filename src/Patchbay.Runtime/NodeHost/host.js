'use strict';
// Patchbay's Node worker: serves the invocations of ONE installed connector over a Unix socket.
// Frames are JSON objects, one per line, in both directions; many invocations are in flight at once.
//   in:  {t:'invoke', id, action, globals, data, auth:'custom'|'none', log}   {t:'ping', id}
//   out: {t:'ready'}   {t:'result', id, stage:'authentication'|'action', envelope, logs, http}   {t:'pong', id}
// An uncaught exception ends the process on purpose: its state is unknown, and the host replaces it.
const net = require('net');
const path = require('path');
const Module = require('module');
const { AsyncLocalStorage } = require('async_hooks');

const [socketPath, connectorRoot, settingsJson] = process.argv.slice(2);
const settings = JSON.parse(settingsJson || '{}');
const bzUtilPath = path.join(__dirname, 'bz-util', 'index.js');

// require('bz-util') from any file resolves to Patchbay's own, never to a copy bundled in the package.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, isMain, options) {
  if (request === 'bz-util') {
    return bzUtilPath;
  }
  return resolveFilename.call(this, request, parent, isMain, options);
};

require('./signals').install();
require('./network').install(settings);

const invocations = new AsyncLocalStorage();
const context = require('./bz-util/context');
context.configure({
  connectorRoot,
  autotestingRoot: settings.autotestingRoot,
  configPropertiesPath: settings.configPropertiesPath,
  log: (level, text) => {
    const invocation = invocations.getStore();
    if (invocation && !invocation.done) {
      invocation.logs.push({ level, time: Date.now(), text: String(text) });
    }
  }
});
require('./trace').install(() => invocations.getStore());
const bizagiUtil = require(bzUtilPath);
const invokeAction = require('./invoke').create(connectorRoot, bizagiUtil);

const socket = net.connect(socketPath);
socket.setNoDelay(true);
socket.on('error', () => process.exit(70));
socket.on('close', () => process.exit(0));

function send(frame) {
  socket.write(JSON.stringify(frame) + '\n');
}

let buffered = '';
socket.on('data', (chunk) => {
  buffered += chunk.toString('utf8');
  let newline;
  while ((newline = buffered.indexOf('\n')) >= 0) {
    const line = buffered.slice(0, newline);
    buffered = buffered.slice(newline + 1);
    if (line.length > 0) {
      dispatch(JSON.parse(line));
    }
  }
});

function dispatch(frame) {
  if (frame.t === 'ping') {
    send({ t: 'pong', id: frame.id });
  } else if (frame.t === 'invoke') {
    const invocation = { id: frame.id, startedAt: process.hrtime.bigint(), logs: [], http: [], done: false, secrets: [] };
    invocations.run(invocation, () => invokeAction(frame, (envelope, stage) => {
      if (invocation.done) {
        process.stderr.write(`patchbay: invocation ${frame.id} (${frame.action}) called back more than once; the later call was ignored\n`);
        return;
      }
      invocation.done = true;
      redact(invocation);
      send({ t: 'result', id: frame.id, stage, envelope, logs: invocation.logs, http: invocation.http });
    }, (authOutput) => rememberSecrets(invocation, authOutput)));
  }
}

// What the authenticator returned (tokens, authorization headers) is secret: it never leaves in logs or traces.
function rememberSecrets(invocation, authOutput) {
  for (const value of Object.values(authOutput)) {
    if (typeof value === 'string' && value.length >= 4) {
      invocation.secrets.push(value);
      const credential = /^(Bearer|Basic|Digest|MAC|Token)\s+(.+)$/i.exec(value);
      if (credential && credential[2].length >= 4) {
        invocation.secrets.push(credential[2]);
      }
    }
  }
  invocation.secrets.sort((a, b) => b.length - a.length);
}

function redact(invocation) {
  if (invocation.secrets.length === 0) {
    return;
  }
  const mask = (text) => invocation.secrets.reduce((masked, secret) => masked.split(secret).join('********'), text);
  for (const line of invocation.logs) {
    line.text = mask(line.text);
  }
  for (const call of invocation.http) {
    call.url = mask(call.url);
  }
}

socket.on('connect', () => send({ t: 'ready', pid: process.pid }));
