'use strict';
// fetch() runs on undici, beneath which the http/https patch cannot reach. With a proxy configured,
// fetch is served by http(s).request instead (so it takes the proxy, the extra CAs and the trace),
// answering with the platform's own Response objects. Bodies are buffered, not streamed.
const http = require('http');
const https = require('https');
const zlib = require('zlib');

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 204, 205, 304]);
const MAX_REDIRECTS = 20;

exports.install = function install(bypass) {
  const originalFetch = globalThis.fetch;
  globalThis.fetch = function fetch(input, init) {
    const request = new Request(input, init);
    return bypass(new URL(request.url).hostname) ? originalFetch(input, init) : send(request, 0);
  };
};

async function send(request, redirects) {
  const url = new URL(request.url);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const response = await new Promise((resolve, reject) => {
    const module = url.protocol === 'https:' ? https : http;
    const outgoing = module.request(url, { method: request.method, headers: Object.fromEntries(request.headers) }, resolve);
    outgoing.on('error', reject);
    if (request.signal) {
      request.signal.addEventListener('abort', () => outgoing.destroy(request.signal.reason));
    }
    outgoing.end(body);
  });

  if (REDIRECTS.has(response.statusCode) && response.headers.location && request.redirect !== 'manual') {
    response.resume();
    if (request.redirect === 'error' || redirects >= MAX_REDIRECTS) {
      throw new TypeError('fetch failed: redirect');
    }
    const toGet = response.statusCode === 303 || (response.statusCode <= 302 && request.method === 'POST');
    const method = toGet ? 'GET' : request.method;
    return send(new Request(new URL(response.headers.location, url), {
      method, headers: request.headers, body: toGet ? undefined : body, redirect: request.redirect, signal: request.signal
    }), redirects + 1);
  }

  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    for (const one of [].concat(value)) {
      headers.append(name, one);
    }
  }
  let content = await collect(response);
  const encoding = (response.headers['content-encoding'] || '').toLowerCase();
  if (['gzip', 'deflate', 'br'].includes(encoding)) {
    content = encoding === 'gzip' ? zlib.gunzipSync(content) : encoding === 'br' ? zlib.brotliDecompressSync(content) : zlib.inflateSync(content);
    headers.delete('content-encoding');
    headers.delete('content-length');
  }
  const empty = NULL_BODY.has(response.statusCode) || request.method === 'HEAD';
  const answer = new Response(empty ? null : content, { status: response.statusCode, statusText: response.statusMessage, headers });
  Object.defineProperty(answer, 'url', { value: url.toString() });
  Object.defineProperty(answer, 'redirected', { value: redirects > 0 });
  return answer;
}

async function collect(stream) {
  const chunks = [];
  for await (const chunk of stream) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
