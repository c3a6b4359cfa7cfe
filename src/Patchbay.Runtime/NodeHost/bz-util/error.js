'use strict';
// error(code, params): Bizagi's message catalog (bizagi-compat.md §6.2).
const path = require('node:path');
const context = require('./context');
const { formatMessage } = require('./format');

const DEFAULTS = Object.freeze({
  'GLB.EXCEPTION': 'Exception Error, %s, %s, location: %s',
  'GLB.IS_NOT_A': '%s is not a %s',
  'GLB.IS_NOT_AN': '%s is not an %s',
  'GLB.UNKNOW_ACTION': 'Unknown action: %s',
  'GLB.RESOURCE_REDIRECT': 'Server is requesting the client to perform a redirect, the HttpCode is: %s',
  'GLB.RESOURCE_NOT_FOUND': 'Resource not found: %s',
  'GLB.RESPONSE_ERROR': 'An error was obtained by processing the request, the HttpCode is : %s, the server response was: %s',
  'VAL.REQUIRED_PARAM': 'The Parameter -%s- is required',
  'VAL.REQUIRED_ELEMENT': 'The element -%s- is required in -%s-',
  'VAL.REQUIRED_PARAMS': 'The Parameters are required: %s',
  'VAL.PARAM_TYPE': 'The -%s- parameter must be a valid %s',
});

let catalog = null;
context._onReset(() => { catalog = null; });

// Defaults plus the keys the connector's etc/errors.js adds. A connector cannot override a
// default (the original ignores e.g. a custom GLB.EXCEPTION); a broken file means defaults only.
function loadCatalog() {
  const merged = new Map(Object.entries(DEFAULTS));
  let extra = null;
  try {
    if (context.connectorRoot) extra = require(path.join(context.connectorRoot, 'etc', 'errors'));
  } catch {
    extra = null;
  }
  if (extra && typeof extra === 'object') {
    for (const [code, template] of Object.entries(extra)) {
      // Only text can be a template; anything else would make error() misbehave.
      if (!merged.has(code) && typeof template === 'string') merged.set(code, template);
    }
  }
  return merged;
}

function error(code, parameters) {
  if (!catalog) catalog = loadCatalog();
  const template = catalog.get(code);
  if (template === undefined) return '';
  if (!Array.isArray(parameters) || parameters.length === 0) return template;
  return formatMessage(template, parameters);
}

module.exports = { error, DEFAULTS };
