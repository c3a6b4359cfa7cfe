'use strict';
// A trace of each invocation's outbound HTTP calls (method, URL, status, start, duration, sizes), whatever
// library makes them, from Node's own diagnostics channels. No header is recorded; credentials in
// URLs and secret-looking query parameters are masked here, parameter values by the host.
const diagnostics = require('diagnostics_channel');

const SECRET_QUERY = /^(access_token|token|api[_-]?key|apikey|key|secret|client_secret|password|pwd|sig|signature)$/i;
const MASK = '********';

exports.install = function install(currentInvocation) {
  const started = new WeakMap();
  diagnostics.channel('http.client.request.start').subscribe(({ request }) => {
    const invocation = currentInvocation();
    if (!invocation) {
      return;
    }
    const call = { method: request.method, url: safeUrl(request), status: 0, startMs: sinceStart(invocation), durationMs: 0, requestBytes: 0, responseBytes: 0 };
    started.set(request, { call, at: process.hrtime.bigint() });
    invocation.http.push(call);
    countWrites(request, call);
  });
  diagnostics.channel('http.client.response.finish').subscribe(({ request, response }) => {
    const entry = started.get(request);
    if (!entry) {
      return;
    }
    entry.call.status = response.statusCode;
    entry.call.durationMs = Number(process.hrtime.bigint() - entry.at) / 1e6;
    // Listening for 'data' would switch the stream to flowing mode under the library's feet; the body's
    // chunks are counted as the HTTP parser pushes them instead (they all come after this event).
    const push = response.push;
    response.push = function (chunk, ...rest) {
      if (chunk) {
        entry.call.responseBytes += chunk.length;
      }
      return push.call(this, chunk, ...rest);
    };
    response.once('end', () => {
      entry.call.durationMs = Number(process.hrtime.bigint() - entry.at) / 1e6;
    });
  });

  // fetch() runs on undici, which reports on channels of its own.
  diagnostics.channel('undici:request:create').subscribe(({ request }) => {
    const invocation = currentInvocation();
    if (!invocation) {
      return;
    }
    const call = { method: request.method, url: maskUrl(new URL(request.path, request.origin)), status: 0, startMs: sinceStart(invocation), durationMs: 0, requestBytes: 0, responseBytes: 0 };
    started.set(request, { call, at: process.hrtime.bigint() });
    invocation.http.push(call);
  });
  diagnostics.channel('undici:request:headers').subscribe(({ request, response }) => {
    const entry = started.get(request);
    if (entry) {
      entry.call.status = response.statusCode;
      entry.call.responseBytes = contentLength(response.headers);
      entry.call.durationMs = Number(process.hrtime.bigint() - entry.at) / 1e6;
    }
  });
};

// Milliseconds from the invocation's start to now: where a call begins on the invocation's timeline.
function sinceStart(invocation) {
  return Number(process.hrtime.bigint() - invocation.startedAt) / 1e6;
}

// undici gives raw headers as [name, value, name, value, ...] buffers; the body size is what content-length says.
function contentLength(headers) {
  for (let i = 0; i + 1 < (headers || []).length; i += 2) {
    if (String(headers[i]).toLowerCase() === 'content-length') {
      return Number(String(headers[i + 1])) || 0;
    }
  }
  return 0;
}

function countWrites(request, call) {
  const write = request.write;
  request.write = function (chunk, ...rest) {
    if (chunk) {
      call.requestBytes += Buffer.byteLength(chunk);
    }
    return write.call(this, chunk, ...rest);
  };
  const end = request.end;
  request.end = function (chunk, ...rest) {
    if (chunk && typeof chunk !== 'function') {
      call.requestBytes += Buffer.byteLength(chunk);
    }
    return end.call(this, chunk, ...rest);
  };
}

function safeUrl(request) {
  try {
    const host = request.getHeader('host') || request.host;
    const path = request.path || '/';
    // Through the proxy, plain http requests carry an absolute URI as their path.
    return maskUrl(/^https?:\/\//.test(path) ? new URL(path) : new URL(path, (request.protocol || 'http:') + '//' + host));
  } catch (e) {
    return String(request.path);
  }
}

function maskUrl(url) {
  url.username = '';
  url.password = '';
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_QUERY.test(name)) {
      url.searchParams.set(name, MASK);
    }
  }
  return url.toString();
}
