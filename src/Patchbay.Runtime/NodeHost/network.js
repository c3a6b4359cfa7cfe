'use strict';
// Platform networking for connector code: the global HTTP proxy, applied beneath http.request and
// https.request so that every library built on them (request, axios, node-rest-client, ...) uses it,
// whatever proxy settings the library itself has. Plain http goes to the proxy with an absolute URI;
// https is tunnelled with CONNECT and TLS is verified end to end (extra CAs come from NODE_EXTRA_CA_CERTS).
const http = require('http');
const https = require('https');
const tls = require('tls');
const { urlToHttpOptions } = require('url');

exports.install = function install(settings) {
  if (!settings || !settings.proxy) {
    return;
  }
  const proxy = new URL(settings.proxy);
  const proxyPort = Number(proxy.port) || 80;
  const proxyAuthorization = proxy.username
    ? 'Basic ' + Buffer.from(decodeURIComponent(proxy.username) + ':' + decodeURIComponent(proxy.password)).toString('base64')
    : null;
  const bypass = noProxyMatcher(settings.noProxy || []);
  const httpRequest = http.request;
  const tunnel = new TunnelAgent(httpRequest, proxy.hostname, proxyPort, proxyAuthorization);

  patch(http, 'http:', (options) => ({
    ...options,
    protocol: 'http:',
    host: proxy.hostname,
    hostname: proxy.hostname,
    port: proxyPort,
    path: 'http://' + hostPort(options, 80) + (options.path || '/'),
    headers: withHeaders(options.headers, { Host: hostPort(options, 80), 'Proxy-Authorization': proxyAuthorization })
  }));
  patch(https, 'https:', (options) => ({ ...options, agent: tunnel }));
  require('./fetch-via-proxy').install(bypass);

  function patch(module, protocol, viaProxy) {
    const original = module.request;
    module.request = function request(...args) {
      const { options, callback } = normalize(args, protocol);
      const target = options.hostname || options.host || 'localhost';
      if (bypass(target)) {
        return original.call(module, options, callback);
      }
      return original.call(module, viaProxy(options), callback);
    };
    module.get = function get(...args) {
      const req = module.request(...args);
      req.end();
      return req;
    };
  }
};

// An https agent whose connections are CONNECT tunnels through the proxy, with TLS on top.
class TunnelAgent extends https.Agent {
  constructor(httpRequest, proxyHost, proxyPort, proxyAuthorization) {
    super({ keepAlive: true });
    this.httpRequest = httpRequest;
    this.proxyHost = proxyHost;
    this.proxyPort = proxyPort;
    this.proxyAuthorization = proxyAuthorization;
  }

  createConnection(options, callback) {
    const authority = (options.host || options.hostname) + ':' + (options.port || 443);
    const connect = this.httpRequest({
      host: this.proxyHost,
      port: this.proxyPort,
      method: 'CONNECT',
      path: authority,
      headers: withHeaders({}, { Host: authority, 'Proxy-Authorization': this.proxyAuthorization }),
      agent: false
    });
    connect.once('connect', (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        return callback(new Error('The proxy refused to open a tunnel to ' + authority + ' (HTTP ' + response.statusCode + ')'));
      }
      callback(null, tls.connect({ ...options, socket, servername: options.servername || options.host }));
    });
    connect.once('error', callback);
    connect.end();
  }
}

// http.request(url[, options][, callback]) and http.request(options[, callback]) as one options object.
function normalize(args, protocol) {
  let [first, second, third] = args;
  let options;
  let callback;
  if (typeof first === 'string' || first instanceof URL) {
    options = urlToHttpOptions(typeof first === 'string' ? new URL(first) : first);
    if (typeof second === 'function') {
      callback = second;
    } else {
      options = { ...options, ...second };
      callback = third;
    }
  } else {
    options = { ...first };
    callback = second;
  }
  if (!options.protocol) {
    options.protocol = protocol;
  }
  return { options, callback };
}

function hostPort(options, defaultPort) {
  const host = options.hostname || options.host || 'localhost';
  const port = options.port || defaultPort;
  return (host.includes(':') && !host.startsWith('[') ? '[' + host + ']' : host) + ':' + port;
}

function withHeaders(headers, extra) {
  const result = { ...(headers || {}) };
  for (const [name, value] of Object.entries(extra)) {
    if (value !== null && value !== undefined) {
      result[name] = value;
    }
  }
  return result;
}

// NO_PROXY rules: "*" (everything), exact host names, ".example.com" and "example.com" (domain and subdomains).
function noProxyMatcher(entries) {
  const rules = entries.map((e) => e.trim().toLowerCase()).filter((e) => e.length > 0);
  return (host) => {
    const name = host.toLowerCase().replace(/^\[|\]$/g, '');
    return rules.some((rule) => rule === '*' || name === rule.replace(/^\./, '') || name.endsWith(rule.startsWith('.') ? rule : '.' + rule));
  };
}
